package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The owning cell proposed to move a case to another cell.
 *
 * @param caseId the case
 * @param transferId the transfer
 * @param fromCell owning cell
 * @param toCell receiving cell
 * @param proposedAt when
 */
public record TransferProposed(UUID caseId, UUID transferId, String fromCell, String toCell, Instant proposedAt) {

    public static final EventType TYPE = new EventType("arcc.case.transfer-proposed.v1", Topics.CASES, "case");
}
