package org.arcc.evidence.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One custody entry as stored. {@code entry} is the canonical JSON that was hashed into leaf
 * {@code leafIndex}; the other columns repeat parts of it for queries. Never updated, never deleted.
 */
@Entity
@Table(name = "custody_entry")
public class CustodyEntryRow extends PanacheEntityBase {

    @Id
    @Column(name = "leaf_index")
    public long leafIndex;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(nullable = false)
    public long sequence;

    @Column(nullable = false)
    public String action;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String entry;

    @Column(name = "leaf_hash", nullable = false)
    public String leafHash;

    /**
     * The stored entry as JSON; text that is no longer JSON (someone edited the table) is passed on as it is,
     * under {@code unreadableStoredEntry}, for the verifier to name.
     */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> parsedEntry() {
        try {
            return (java.util.Map<String, Object>) org.arcc.custody.CanonicalJson.parse(entry);
        } catch (RuntimeException unreadable) {
            java.util.Map<String, Object> raw = new java.util.LinkedHashMap<>();
            raw.put("unreadableStoredEntry", entry);
            return raw;
        }
    }

    /** The item's entries in log order (which is also sequence order, unless someone rewrote the table). */
    public static List<CustodyEntryRow> ofItem(UUID itemId) {
        return list("itemId = ?1 order by leafIndex", itemId);
    }

    public static CustodyEntryRow lastOf(UUID itemId) {
        return find("itemId = ?1 order by sequence desc", itemId).firstResult();
    }
}
