package org.arcc.evidence.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Where a case stands on the justice pathway, as the legal-aid service announces it: a stage code and the month it
 * was reached. Kept only so the survivor's status lookup can answer it.
 */
@Entity
@Table(name = "legal_stage")
public class LegalStage extends PanacheEntityBase {

    /** The stages a survivor is told; before an FIR (or after a refusal) she is told nothing. */
    static final Set<String> SHOWN_TO_SURVIVOR = Set.of("FIR_REGISTERED", "UNDER_INVESTIGATION", "IN_COURT", "DECIDED");

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(nullable = false)
    public String stage;

    /** {@code YYYY-MM}: no finer date is kept. */
    @Column(name = "since_month", nullable = false)
    public String sinceMonth;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The stage as the survivor sees it, or empty when there is nothing she is told. */
    public Optional<String> forSurvivor() {
        return SHOWN_TO_SURVIVOR.contains(stage) ? Optional.of(stage) : Optional.empty();
    }

    /** Applies an announcement: the latest one wins (the legal-aid service publishes a case's in order, keyed by case). */
    public static LegalStage record(UUID caseId, String stage, String month, Instant now) {
        LegalStage s = findById(caseId);
        if (s == null) {
            s = new LegalStage();
            s.caseId = caseId;
            s.stage = stage;
            s.sinceMonth = month;
            s.updatedAt = now;
            s.persist();
        } else {
            s.stage = stage;
            s.sinceMonth = month;
            s.updatedAt = now;
        }
        return s;
    }
}
