package org.arcc.contracts.evidence;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * Something is wrong with an item's custody: a broken seal, a seal number that does not match, or a custody
 * log that no longer matches what was signed (then the item fields may be null and the leaf index names the
 * entry).
 *
 * @param itemId     the item, when one is known
 * @param caseId     its case, when known
 * @param cell       its cell, when known
 * @param kind       SEAL_BROKEN, SEAL_MISMATCH or LOG_INTEGRITY
 * @param sequence   the item's log entry that shows it, when known
 * @param leafIndex  the Merkle leaf concerned, when known
 * @param detectedAt when it was detected
 */
public record CustodyAnomalyRaised(UUID itemId, UUID caseId, String cell, String kind, Long sequence, Long leafIndex,
        Instant detectedAt) {

    public static final EventType TYPE = new EventType("arcc.evidence.anomaly-raised.v1", Topics.EVIDENCE, "evidence-item");
}
