package org.arcc.legal.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The case in a special court. */
@Entity
@Table(name = "trial")
public class Trial {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "case_id")
    public LegalFile file;

    @Column(nullable = false)
    public String court;

    @Column(name = "court_case_number", nullable = false)
    public String courtCaseNumber;

    public String judge;

    @Column(name = "in_camera", nullable = false)
    public boolean inCamera;

    /** The day the case reached the court: the four-month trial period runs from it. */
    @Column(name = "reached_court_on", nullable = false)
    public LocalDate reachedCourtOn;

    /** Date of the trial scheduling certificate. */
    @Column(name = "scheduling_certificate_on")
    public LocalDate schedulingCertificateOn;
}
