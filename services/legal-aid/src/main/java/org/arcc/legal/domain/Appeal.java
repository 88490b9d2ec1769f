package org.arcc.legal.domain;

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

import org.arcc.legal.domain.Codes.AppealBy;
import org.arcc.legal.domain.Codes.AppealOutcome;

/** An appeal against the verdict: filed, then decided. */
@Entity
@Table(name = "appeal")
public class Appeal {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    public LegalFile file;

    @Enumerated(EnumType.STRING)
    @Column(name = "filed_by", nullable = false)
    public AppealBy filedBy;

    @Column(nullable = false)
    public String court;

    @Column(name = "filed_on", nullable = false)
    public LocalDate filedOn;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Enumerated(EnumType.STRING)
    public AppealOutcome outcome;
}
