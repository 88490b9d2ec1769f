package org.arcc.legal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.arcc.legal.domain.Codes.VerdictOutcome;

/** The special court's decision; recorded once. */
@Entity
@Table(name = "verdict")
public class Verdict {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "case_id")
    public LegalFile file;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerdictOutcome outcome;

    /** Sections of the conviction (or of the charge, for an acquittal). */
    @Convert(converter = SectionList.class)
    @Column(nullable = false)
    public List<String> sections = new ArrayList<>();

    public String sentence;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
