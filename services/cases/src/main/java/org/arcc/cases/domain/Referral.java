package org.arcc.cases.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partner NGO's referral of a survivor to a cell: codes only, and the cell's decision. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    public enum Status {
        RECEIVED, ACCEPTED, DECLINED
    }

    public static final String DECLINE_REASON = "declineReason";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String partner;

    @Column(name = "partner_reference")
    public String partnerReference;

    @Column(name = "cell_code", nullable = false)
    public String cellCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false)
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "incident_category", nullable = false)
    public IncidentCategory incidentCategory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "case_id")
    public UUID caseId;

    /** Why the cell declined, sealed under {@link #dataKeyId} (field {@value #DECLINE_REASON}). */
    @Column(name = "decline_reason_sealed")
    public byte[] declineReason;

    @Column(name = "data_key_id")
    public UUID dataKeyId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;
}
