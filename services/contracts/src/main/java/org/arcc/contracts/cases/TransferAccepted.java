package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The receiving cell accepted a transfer: the case, and who may see it, now belong to it.
 *
 * @param caseId the case
 * @param transferId the transfer
 * @param fromCell previous owning cell
 * @param toCell new owning cell
 * @param acceptedAt when
 */
public record TransferAccepted(UUID caseId, UUID transferId, String fromCell, String toCell, Instant acceptedAt) {

    public static final EventType TYPE = new EventType("arcc.case.transfer-accepted.v1", Topics.CASES, "case");
}
