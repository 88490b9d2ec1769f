package org.arcc.contracts.evidence;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * An entry was appended to an item's custody log (and to the custody Merkle tree).
 *
 * @param itemId     the item
 * @param caseId     its case
 * @param cell       cell code of the item's case
 * @param sequence   position in the item's own log, from 1
 * @param leafIndex  position in the custody Merkle tree over all items, from 0
 * @param action     custody action code, e.g. TRANSFERRED, RECEIVED
 * @param holder     who holds the item after this entry, e.g. {@code cell:KHI} or {@code custodian:forensic-lab-demo}
 * @param leafHash   the entry's leaf hash (hex SHA-256), so that anyone keeping these events can later check a bundle
 * @param recordedAt when it was recorded
 */
public record CustodyRecorded(UUID itemId, UUID caseId, String cell, long sequence, long leafIndex, String action,
        String holder, String leafHash, Instant recordedAt) {

    public static final EventType TYPE = new EventType("arcc.evidence.custody-recorded.v1", Topics.EVIDENCE, "evidence-item");
}
