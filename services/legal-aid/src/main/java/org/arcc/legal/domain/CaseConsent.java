package org.arcc.legal.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A consent of a case, from the cases service's consent events: purpose and whether it still stands. */
@Entity
@Table(name = "case_consent")
public class CaseConsent extends PanacheEntityBase {

    public static final String POLICE_REPORT = "POLICE_REPORT";

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static boolean stands(UUID caseId, String purpose) {
        return count("caseId = ?1 and purpose = ?2 and active = true", caseId, purpose) > 0;
    }
}
