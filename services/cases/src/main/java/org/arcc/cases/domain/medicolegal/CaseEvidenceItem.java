package org.arcc.cases.domain.medicolegal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An evidence item registered for a case, as learned from the evidence service's events: ids, kit number, type and
 * times, never text. The medico-legal report's checks compare its samples with these.
 */
@Entity
@Table(name = "case_evidence_item")
public class CaseEvidenceItem extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public UUID itemId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "kit_number", nullable = false)
    public String kitNumber;

    @Column(name = "item_type", nullable = false)
    public String itemType;

    @Column(name = "collected_at", nullable = false)
    public Instant collectedAt;

    /** The first SEALED entry of its custody log. */
    @Column(name = "sealed_at")
    public Instant sealedAt;

    public static List<CaseEvidenceItem> ofCase(UUID caseId) {
        return list("caseId = ?1 order by collectedAt, kitNumber", caseId);
    }

    public RegisteredItem registered() {
        return new RegisteredItem(itemId, kitNumber, itemType, collectedAt, sealedAt);
    }
}
