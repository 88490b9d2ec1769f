package org.arcc.evidence.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A kit or exhibit. Its current state (holder, stage, seal) is a summary of its custody log, which is the
 * record that counts; the log is never changed, this row is.
 */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "kit_number", nullable = false, unique = true)
    public String kitNumber;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The cell of the item's case: its staff see and act on the item. Follows the case on a transfer. */
    @Column(name = "cell_code", nullable = false)
    public String cellCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_type", nullable = false)
    public ItemType type;

    @Column(name = "seal_number")
    public String sealNumber;

    @Column(name = "collected_by", nullable = false)
    public String collectedBy;

    @Column(name = "collected_at", nullable = false)
    public Instant collectedAt;

    /** No consent to testing: the item may not go to a lab. */
    @Column(nullable = false)
    public boolean restricted;

    @Column(nullable = false)
    public String holder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(name = "lab_received_at")
    public Instant labReceivedAt;

    @Column(nullable = false)
    public int anomalies;

    @Column(name = "survivor_code_hash")
    public String survivorCodeHash;

    @Column(name = "dispose_from")
    public Instant disposeFrom;

    @Column(name = "disposed_at")
    public Instant disposedAt;

    @Version
    public long version;

    public Holder currentHolder() {
        return Holder.parse(holder);
    }

    public static List<EvidenceItem> ofCase(UUID caseId, String cell) {
        return list("caseId = ?1 and cellCode = ?2 order by collectedAt, kitNumber", caseId, cell);
    }

    public static List<EvidenceItem> heldBy(Holder holder) {
        return list("holder = ?1 order by collectedAt, kitNumber", holder.toString());
    }

    public static Optional<EvidenceItem> byKitNumber(String kitNumber) {
        return find("kitNumber", kitNumber).firstResultOptional();
    }
}
