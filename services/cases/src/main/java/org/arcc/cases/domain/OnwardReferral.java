package org.arcc.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A cell's referral of a survivor onward to a partner, resting on a SHARING consent for that partner. It holds
 * only what the partner needs (codes); the cell's note is encrypted under its own data key.
 */
@Entity
@Table(name = "onward_referral")
public class OnwardReferral extends PanacheEntityBase {

    /** What the partner is asked to provide. */
    public enum ServiceKind {
        SHELTER, LIVELIHOOD, COUNSELLING, SUPPORT_GROUP, LEGAL_AID, HEALTH_CARE
    }

    public enum Urgency {
        ROUTINE, PRIORITY, EMERGENCY
    }

    public enum Status {
        SENT, ACCEPTED, DECLINED, WITHDRAWN;

        public boolean open() {
            return this == SENT || this == ACCEPTED;
        }
    }

    /** Why a partner declined, as a code: partners never send free text about a survivor back. */
    public enum DeclineReason {
        NO_CAPACITY, OUT_OF_AREA, NOT_ELIGIBLE, OTHER
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "cell_code", nullable = false)
    public String cellCode;

    @Column(nullable = false)
    public String partner;

    @Column(name = "consent_id", nullable = false)
    public UUID consentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_kind", nullable = false)
    public ServiceKind serviceKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false)
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex_gender", nullable = false)
    public SexGender sexGender;

    /** Distinct, in declaration order; set through {@link #disabilities(List)}. */
    @Convert(converter = CodeListConverter.Disabilities.class)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<Disability> disabilities = List.of();

    @Column(name = "contact_reference", nullable = false, unique = true)
    public String contactReference;

    @Column(name = "data_key_id")
    public UUID dataKeyId;

    public byte[] note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;

    @Column(name = "made_by", nullable = false)
    public String madeBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public List<Disability> disabilityList() {
        return disabilities;
    }

    public void disabilities(List<Disability> flags) {
        disabilities = CodeListConverter.normalised(flags);
    }

    public static List<OnwardReferral> ofCase(UUID caseId) {
        return list("caseId = ?1 order by madeAt", caseId);
    }

    public static List<OnwardReferral> ofPartner(String partner) {
        return list("partner = ?1 order by madeAt desc", partner);
    }

    /** The open referrals that rest on a consent, for when it is withdrawn. */
    public static List<OnwardReferral> openUnder(UUID consentId) {
        return list("consentId = ?1 and status in ?2", consentId, List.of(Status.SENT, Status.ACCEPTED));
    }
}
