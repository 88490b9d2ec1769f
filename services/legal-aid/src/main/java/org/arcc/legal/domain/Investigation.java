package org.arcc.legal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.arcc.legal.domain.Codes.TransferReason;

/** The investigation by the district's Special Sexual Offences Investigation Unit. */
@Entity
@Table(name = "investigation")
public class Investigation {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "case_id")
    public LegalFile file;

    @Column(nullable = false)
    public String unit;

    @Column(name = "investigating_officer", nullable = false)
    public String investigatingOfficer;

    /** Whether a female officer was present when the survivor's statement was recorded; null until one was. */
    @Column(name = "female_officer_present")
    public Boolean femaleOfficerPresent;

    @Column(name = "s161_recorded_on")
    public LocalDate s161RecordedOn;

    @Column(name = "s164_recorded_on")
    public LocalDate s164RecordedOn;

    @Column(name = "dna_report_received_on")
    public LocalDate dnaReportReceivedOn;

    /** Evidence items (ids in the evidence service) the DNA report covers. */
    @jakarta.persistence.Convert(converter = IdList.class)
    @Column(name = "dna_item_ids", nullable = false)
    public List<UUID> dnaItemIds = new ArrayList<>();

    /** The report under s.173 CrPC (challan) went to court. */
    @Column(name = "challan_submitted_on")
    public LocalDate challanSubmittedOn;

    @Column(name = "transfer_requested_on")
    public LocalDate transferRequestedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "transfer_reason")
    public TransferReason transferReason;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
}
