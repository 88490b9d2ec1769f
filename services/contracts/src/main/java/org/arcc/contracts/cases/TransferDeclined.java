package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The receiving cell declined a transfer; the case stays where it was. The reason stays in the cases service.
 *
 * @param caseId the case
 * @param transferId the transfer
 * @param fromCell owning cell
 * @param toCell cell that declined
 * @param declinedAt when
 */
public record TransferDeclined(UUID caseId, UUID transferId, String fromCell, String toCell, Instant declinedAt) {

    public static final EventType TYPE = new EventType("arcc.case.transfer-declined.v1", Topics.CASES, "case");
}
