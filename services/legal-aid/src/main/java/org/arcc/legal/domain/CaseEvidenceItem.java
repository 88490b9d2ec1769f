package org.arcc.legal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An evidence item of a case as the evidence service announced it, and when a lab recorded its analysis. The DNA
 * report on a legal file may only cover these items.
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

    /** When a lab recorded its analysis in the custody log; null until then. */
    @Column(name = "analysed_at")
    public Instant analysedAt;

    public static CaseEvidenceItem registered(UUID itemId, UUID caseId, String kitNumber, String itemType,
            Instant collectedAt) {
        CaseEvidenceItem item = new CaseEvidenceItem();
        item.itemId = itemId;
        item.caseId = caseId;
        item.kitNumber = kitNumber;
        item.itemType = itemType;
        item.collectedAt = collectedAt;
        return item;
    }

    /** The items of a case, in the order they were collected. */
    public static List<CaseEvidenceItem> ofCase(UUID caseId) {
        return list("caseId = ?1 order by collectedAt, kitNumber", caseId);
    }
}
