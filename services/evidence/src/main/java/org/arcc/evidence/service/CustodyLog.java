package org.arcc.evidence.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.contracts.evidence.CustodyRecorded;
import org.arcc.custody.CanonicalJson;
import org.arcc.custody.CustodyEntries;
import org.arcc.custody.Hashes;
import org.arcc.custody.MerkleNode;
import org.arcc.custody.MerkleTree;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.CustodyEntryRow;
import org.arcc.evidence.domain.EvidenceItem;

/**
 * Appends custody entries: each one carries the hash of the item's previous entry and becomes the next
 * leaf of the one Merkle tree over all items (docs/custody.md). The only way anything is written to the log.
 */
@ApplicationScoped
public class CustodyLog {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /**
     * Appends one entry for the item, after the item's state was updated to what the entry records.
     *
     * @param recordedBy who acted: subject and the organisation they acted for
     * @param details    what the action records; strings only, no survivor identity
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CustodyEntryRow append(EvidenceItem item, CustodyAction action, String recordedBy, Instant at,
            Map<String, String> details) {
        long leafIndex = lockHead();
        CustodyEntryRow last = CustodyEntryRow.lastOf(item.id);
        long sequence = last == null ? 1 : last.sequence + 1;
        Instant recordedAt = at.truncatedTo(ChronoUnit.MILLIS);

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("itemId", item.id.toString());
        entry.put("sequence", sequence);
        entry.put("action", action.name());
        entry.put("recordedAt", recordedAt.toString());
        entry.put("recordedBy", recordedBy);
        Map<String, Object> cleanDetails = new TreeMap<>();
        details.forEach((k, v) -> {
            if (v != null) {
                cleanDetails.put(k, v);
            }
        });
        entry.put("details", cleanDetails);
        if (last != null) {
            entry.put("previousHash", last.leafHash);
        }
        byte[] leafHash = CustodyEntries.leafHash(entry);

        CustodyEntryRow row = new CustodyEntryRow();
        row.leafIndex = leafIndex;
        row.itemId = item.id;
        row.sequence = sequence;
        row.action = action.name();
        row.recordedAt = recordedAt;
        row.entry = CanonicalJson.encode(entry);
        row.leafHash = Hashes.hex(leafHash);
        row.persist();

        DbNodeStore store = new DbNodeStore(em);
        for (MerkleNode node : MerkleTree.appendLeaf(leafIndex, leafHash, store)) {
            store.put(node);
        }
        em.createNativeQuery("UPDATE custody_log_head SET tree_size = ?1 WHERE id = 1").setParameter(1, leafIndex + 1)
                .executeUpdate();

        outbox.record(CustodyRecorded.TYPE, item.id.toString(), new CustodyRecorded(item.id, item.caseId,
                item.cellCode, sequence, leafIndex, action.name(), item.holder, row.leafHash, recordedAt));
        return row;
    }

    /** Locks the log's head row (appends and checkpoints queue behind it) and returns the tree size. */
    long lockHead() {
        return ((Number) em.createNativeQuery("SELECT tree_size FROM custody_log_head WHERE id = 1 FOR UPDATE")
                .getSingleResult()).longValue();
    }

    DbNodeStore nodes() {
        return new DbNodeStore(em);
    }
}
