package org.arcc.legal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.arcc.legal.domain.Codes.AdjournmentReason;
import org.arcc.legal.domain.Codes.HearingOutcome;
import org.arcc.legal.domain.Codes.HearingPurpose;
import org.arcc.legal.domain.Codes.SoughtBy;

/** One date in the trial's hearing log: scheduled, then its outcome. */
@Entity
@Table(name = "hearing")
public class Hearing {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    public LegalFile file;

    @Column(name = "hearing_on", nullable = false)
    public LocalDate hearingOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HearingPurpose purpose;

    /** Null while the outcome is not recorded. */
    @Enumerated(EnumType.STRING)
    public HearingOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "adjournment_reason")
    public AdjournmentReason adjournmentReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "sought_by")
    public SoughtBy soughtBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public boolean pending() {
        return outcome == null;
    }
}
