package org.arcc.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One consent for one purpose; withdrawn consents stay, marked. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "given_by", nullable = false)
    public ConsentGiver givenBy;

    @Column(name = "child_assent")
    public Boolean childAssent;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    public boolean active() {
        return withdrawnAt == null;
    }

    public static List<Consent> ofCase(UUID caseId) {
        return list("caseId = ?1 order by givenAt", caseId);
    }

    /** The case's active SHARING consent naming a partner as recipient, if it holds one. */
    public static java.util.Optional<Consent> activeSharingWith(UUID caseId, String partner) {
        return find("caseId = ?1 and purpose = ?2 and recipient = ?3 and withdrawnAt is null order by givenAt desc",
                caseId, ConsentPurpose.SHARING, partner).firstResultOptional();
    }

    /** Whether a case holds an active consent for a purpose. */
    public static boolean held(UUID caseId, ConsentPurpose purpose) {
        return count("caseId = ?1 and purpose = ?2 and withdrawnAt is null", caseId, purpose) > 0;
    }
}
