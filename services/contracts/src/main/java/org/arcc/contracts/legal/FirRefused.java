package org.arcc.contracts.legal;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The police refused to register an FIR: a known failure mode, counted by reporting. Who refused stays in the
 * legal file; the event carries the reason code only.
 *
 * @param caseId        the case
 * @param cell          cell code
 * @param firId         the refusal record
 * @param policeStation police station id
 * @param reason        refusal reason code, e.g. MEDICAL_REPORT_DEMANDED_FIRST
 * @param refusedAt     when
 */
public record FirRefused(UUID caseId, String cell, UUID firId, String policeStation, String reason, Instant refusedAt) {

    public static final EventType TYPE = new EventType("arcc.legal.fir-refused.v1", Topics.LEGAL, "legal-file");
}
