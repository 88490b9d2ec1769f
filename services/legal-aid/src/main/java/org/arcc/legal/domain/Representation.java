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

import org.arcc.legal.domain.Codes.RepresentationRole;
import org.arcc.legal.domain.Codes.RepresentationStatus;

/** A lawyer on the file: the survivor's legal-aid lawyer, the special prosecutor, or the accused's counsel. */
@Entity
@Table(name = "representation")
public class Representation {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    public LegalFile file;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RepresentationRole role;

    /** Name as enrolled (a professional, never the survivor). */
    @Column(nullable = false)
    public String lawyer;

    /** Bar enrolment number: what decides a conflict. */
    @Column(nullable = false)
    public String enrolment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RepresentationStatus status;

    @Column(name = "assigned_on", nullable = false)
    public LocalDate assignedOn;

    @Column(name = "responded_on")
    public LocalDate respondedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;
}
