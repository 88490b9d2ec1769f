package org.arcc.contracts.legal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The police registered the FIR of a case. Codes and times only: no officer, no FIR text.
 *
 * @param caseId             the case (and its legal file)
 * @param cell               cell code
 * @param firId              the FIR record
 * @param policeStation      police station id (reference data)
 * @param sections           legal section codes of the FIR, e.g. {@code PPC_376}
 * @param registeredAt       when the FIR was registered
 * @param minutesFromArrival minutes from the survivor's arrival at the cell to the FIR
 */
public record FirRegistered(UUID caseId, String cell, UUID firId, String policeStation, List<String> sections,
        Instant registeredAt, long minutesFromArrival) {

    public static final EventType TYPE = new EventType("arcc.legal.fir-registered.v1", Topics.LEGAL, "legal-file");
}
