package org.arcc.legal.domain;

import java.time.Instant;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.arcc.legal.domain.Codes.FirOutcome;
import org.arcc.legal.domain.Codes.FirRefusalReason;

/** One attempt to have a First Information Report registered: registered (number, sections) or refused (why, by whom). */
@Entity
@Table(name = "fir")
public class Fir {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    public LegalFile file;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FirOutcome outcome;

    @Column(name = "police_station", nullable = false)
    public String policeStation;

    @Column(name = "fir_number")
    public String firNumber;

    /** When it was registered, or when the police refused. */
    @Column(nullable = false)
    public Instant at;

    @Convert(converter = SectionList.class)
    @Column(nullable = false)
    public List<String> sections = new ArrayList<>();

    /** The officer who registered it (name and rank as on the FIR). */
    public String officer;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_reason")
    public FirRefusalReason refusalReason;

    @Column(name = "refused_by")
    public String refusedBy;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
