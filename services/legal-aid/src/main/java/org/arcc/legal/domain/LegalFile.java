package org.arcc.legal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.arcc.common.problem.ProblemException;
import org.arcc.contracts.LegalSectionCodes;
import org.arcc.legal.domain.Codes.AdjournmentReason;
import org.arcc.legal.domain.Codes.AppealBy;
import org.arcc.legal.domain.Codes.AppealOutcome;
import org.arcc.legal.domain.Codes.FirOutcome;
import org.arcc.legal.domain.Codes.FirRefusalReason;
import org.arcc.legal.domain.Codes.HearingOutcome;
import org.arcc.legal.domain.Codes.HearingPurpose;
import org.arcc.legal.domain.Codes.RepresentationRole;
import org.arcc.legal.domain.Codes.RepresentationStatus;
import org.arcc.legal.domain.Codes.SoughtBy;
import org.arcc.legal.domain.Codes.Stage;
import org.arcc.legal.domain.Codes.VerdictOutcome;
import org.arcc.vocabulary.ProblemType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The justice pathway of one case, from FIR to verdict and appeal, addressed by the case id. Opened when the
 * cases service publishes the case; holds no identity (the initials a court filing uses are encrypted by the
 * service). Each rule checks, changes the file and returns what happened; a refusal is a {@link ProblemException}.
 */
@Entity
@Table(name = "legal_file")
public class LegalFile extends PanacheEntityBase {

    /** Courts sit, and calendar periods run, in Pakistan time. */
    public static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    /** Clock skew tolerated on times said to be in the past. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "case_reference", nullable = false)
    public String caseReference;

    @Column(name = "cell_code", nullable = false)
    public String cellCode;

    /** The legal sections the case was classified under at intake. */
    @Convert(converter = SectionList.class)
    @Column(name = "case_sections", nullable = false)
    public List<String> caseSections = new ArrayList<>();

    @Column(name = "arrived_at", nullable = false)
    public Instant arrivedAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "data_key_id")
    public UUID dataKeyId;

    /** The survivor's initials for court filings, encrypted under the file's data key. */
    public byte[] initials;

    @OneToMany(mappedBy = "file", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at, recordedAt")
    public List<Fir> firs = new ArrayList<>();

    @OneToOne(mappedBy = "file", cascade = CascadeType.ALL, orphanRemoval = true)
    public Investigation investigation;

    @OneToMany(mappedBy = "file", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("assignedOn")
    public List<Representation> representations = new ArrayList<>();

    @OneToOne(mappedBy = "file", cascade = CascadeType.ALL, orphanRemoval = true)
    public Trial trial;

    @OneToMany(mappedBy = "file", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("hearingOn")
    public List<Hearing> hearings = new ArrayList<>();

    @OneToOne(mappedBy = "file", cascade = CascadeType.ALL, orphanRemoval = true)
    public Verdict verdict;

    @OneToMany(mappedBy = "file", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("filedOn")
    public List<Appeal> appeals = new ArrayList<>();

    /** The stage last announced to other services (arcc.legal.stage-changed.v1); null until the first. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "announced_stage")
    public Stage announcedStage;

    @Version
    public long version;

    /** A file for a case the cases service opened. */
    public static LegalFile open(UUID caseId, String reference, String cell, List<String> sections, Instant arrivedAt,
            Instant openedAt) {
        LegalFile file = new LegalFile();
        file.caseId = caseId;
        file.caseReference = reference;
        file.cellCode = cell;
        file.caseSections = new ArrayList<>(sections == null ? List.of() : sections);
        file.arrivedAt = arrivedAt;
        file.openedAt = openedAt;
        return file;
    }

    // ---- What the cases service tells us ------------------------------------------------------------------------

    /** The case moved to another cell: the file, and who may work on it, follow. */
    public void movedTo(String cell) {
        this.cellCode = cell;
    }

    /** The case was closed: the file closes with it (once). */
    public boolean close(Instant at) {
        if (closedAt != null) {
            return false;
        }
        closedAt = at;
        return true;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    // ---- FIR ----------------------------------------------------------------------------------------------------

    public record FirRegistration(String policeStation, String firNumber, Instant registeredAt, List<String> sections,
            String officer) {
    }

    public record FirRefusal(String policeStation, Instant refusedAt, FirRefusalReason reason, String refusedBy) {
    }

    /**
     * The police registered the FIR. Needs the survivor's standing consent to a police report; one FIR per file.
     */
    public Happened.FirRegistered registerFir(FirRegistration r, boolean policeReportConsent, String recordedBy,
            Instant now) {
        requireOpen();
        requirePoliceReportConsent(policeReportConsent);
        if (registeredFir().isPresent()) {
            throw ProblemException.conflict("An FIR is already registered for this case (" + registeredFir().get().firNumber + ")");
        }
        requireBetweenArrivalAndNow(r.registeredAt(), "registeredAt", now);
        requireSections(r.sections(), "sections");
        Fir fir = newFir(FirOutcome.REGISTERED, r.policeStation(), r.registeredAt(), recordedBy, now);
        fir.firNumber = r.firNumber();
        fir.sections = new ArrayList<>(r.sections());
        fir.officer = r.officer();
        return new Happened.FirRegistered(fir, Duration.between(arrivedAt, r.registeredAt()));
    }

    /** The police refused to register the FIR: recorded with the reason and who refused, to be counted. */
    public Happened.FirRefused recordFirRefusal(FirRefusal r, boolean policeReportConsent, String recordedBy,
            Instant now) {
        requireOpen();
        requirePoliceReportConsent(policeReportConsent);
        if (registeredFir().isPresent()) {
            throw ProblemException.conflict("An FIR is already registered for this case; a refusal cannot follow it");
        }
        requireBetweenArrivalAndNow(r.refusedAt(), "refusedAt", now);
        Fir fir = newFir(FirOutcome.REFUSED, r.policeStation(), r.refusedAt(), recordedBy, now);
        fir.refusalReason = r.reason();
        fir.refusedBy = r.refusedBy();
        return new Happened.FirRefused(fir);
    }

    public Optional<Fir> registeredFir() {
        return firs.stream().filter(f -> f.outcome == FirOutcome.REGISTERED).findFirst();
    }

    private Fir newFir(FirOutcome outcome, String station, Instant at, String recordedBy, Instant now) {
        Fir fir = new Fir();
        fir.id = UUID.randomUUID();
        fir.file = this;
        fir.outcome = outcome;
        fir.policeStation = station;
        fir.at = at;
        fir.recordedBy = recordedBy;
        fir.recordedAt = now;
        firs.add(fir);
        return fir;
    }

    private static void requirePoliceReportConsent(boolean consent) {
        if (!consent) {
            throw new ProblemException(ProblemType.CONSENT_REQUIRED,
                    "There is no standing consent of the survivor to a police report for this case");
        }
    }

    // ---- Investigation ------------------------------------------------------------------------------------------

    /** The district's Special Sexual Offences Investigation Unit took the case; needs a registered FIR. */
    public Happened.InvestigationStarted startInvestigation(String unit, String officer, Instant now) {
        requireOpen();
        if (registeredFir().isEmpty()) {
            throw ProblemException.conflict("An investigation follows a registered FIR; none is recorded");
        }
        if (investigation != null) {
            throw ProblemException.conflict("The investigation is already recorded (unit " + investigation.unit + ")");
        }
        Investigation i = new Investigation();
        i.caseId = caseId;
        i.file = this;
        i.unit = unit;
        i.investigatingOfficer = officer;
        i.startedAt = now;
        investigation = i;
        return new Happened.InvestigationStarted(i);
    }

    /**
     * A step of the investigation. A DNA report may only cover evidence items the evidence service registered for
     * this case ({@code evidence}); an id it does not know is refused, so that the file never points at an item
     * that is not the case's.
     */
    public Happened.InvestigationStepRecorded recordInvestigationStep(InvestigationStep step, LocalDate today,
            List<CaseEvidenceItem> evidence) {
        requireOpen();
        if (investigation == null) {
            throw ProblemException.conflict("No investigation is recorded for this case yet");
        }
        requireNotAfter(step.on(), today, "on");
        LocalDate firDay = registeredFir().get().at.atZone(PAKISTAN).toLocalDate();
        if (step.on().isBefore(firDay)) {
            throw new ProblemException(ProblemType.VALIDATION, "on is before the FIR was registered (" + firDay + ")");
        }
        Investigation i = investigation;
        // Java 17: no pattern matching for switch yet.
        if (step instanceof InvestigationStep.Statement161 s) {
            once(i.s161RecordedOn, "The statement under s.161 CrPC");
            i.s161RecordedOn = s.on();
            i.femaleOfficerPresent = s.femaleOfficerPresent();
        } else if (step instanceof InvestigationStep.Statement164 s) {
            once(i.s164RecordedOn, "The statement under s.164 CrPC");
            i.s164RecordedOn = s.on();
        } else if (step instanceof InvestigationStep.DnaReport s) {
            once(i.dnaReportReceivedOn, "The DNA report");
            Set<UUID> known = evidence.stream().filter(e -> caseId.equals(e.caseId)).map(e -> e.itemId)
                    .collect(java.util.stream.Collectors.toSet());
            List<UUID> unknown = s.evidenceItemIds().stream().filter(id -> !known.contains(id)).toList();
            if (!unknown.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, "evidenceItemIds: " + unknown.size()
                        + " of the ids are not evidence items the evidence service registered for this case (" + unknown + ")");
            }
            i.dnaReportReceivedOn = s.on();
            i.dnaItemIds = new ArrayList<>(s.evidenceItemIds());
        } else if (step instanceof InvestigationStep.ChallanSubmitted s) {
            once(i.challanSubmittedOn, "The report under s.173 CrPC");
            i.challanSubmittedOn = s.on();
        } else if (step instanceof InvestigationStep.SeniorOfficerRequested s) {
            i.transferRequestedOn = s.on();
            i.transferReason = s.reason();
        }
        return new Happened.InvestigationStepRecorded(i, step);
    }

    private static void once(LocalDate already, String what) {
        if (already != null) {
            throw ProblemException.conflict(what + " is already recorded (" + already + ")");
        }
    }

    // ---- Representation -----------------------------------------------------------------------------------------

    public record Assignment(RepresentationRole role, String lawyer, String enrolment, LocalDate on) {
    }

    /**
     * A lawyer joins the file. The survivor's side and the accused's never share a lawyer (a conflict is refused);
     * a new legal-aid lawyer or prosecutor replaces the one standing.
     */
    public Happened.LawyerAssigned assignLawyer(Assignment a, LocalDate today) {
        requireOpen();
        requireNotAfter(a.on(), today, "on");
        for (Representation r : representations) {
            if (!r.enrolment.equalsIgnoreCase(a.enrolment()) || r.role.forTheSurvivor() == a.role().forTheSurvivor()) {
                continue;
            }
            if (r.role == RepresentationRole.ACCUSED_COUNSEL || r.status.standing()) {
                throw ProblemException.conflict("Conflict of interest: enrolment " + a.enrolment() + " is on this file as "
                        + r.role + "; the same lawyer cannot act for "
                        + (a.role().forTheSurvivor() ? "the survivor" : "the accused"));
            }
        }
        Representation standing = standing(a.role()).orElse(null);
        if (standing != null && standing.enrolment.equalsIgnoreCase(a.enrolment())) {
            throw ProblemException.conflict(a.lawyer() + " already stands as " + a.role());
        }
        if (standing != null && a.role() != RepresentationRole.ACCUSED_COUNSEL) {
            standing.status = RepresentationStatus.REPLACED;
            standing.endedOn = a.on();
        }
        Representation r = new Representation();
        r.id = UUID.randomUUID();
        r.file = this;
        r.role = a.role();
        r.lawyer = a.lawyer();
        r.enrolment = a.enrolment();
        r.status = a.role() == RepresentationRole.ACCUSED_COUNSEL ? RepresentationStatus.ACCEPTED : RepresentationStatus.ASSIGNED;
        r.assignedOn = a.on();
        representations.add(r);
        return new Happened.LawyerAssigned(r, a.role() == RepresentationRole.ACCUSED_COUNSEL ? null : standing);
    }

    /** The assigned lawyer accepted or declined the brief; only an open assignment can be answered. */
    public Happened.LawyerResponded lawyerResponded(UUID representationId, boolean accepted, LocalDate on, LocalDate today) {
        requireOpen();
        requireNotAfter(on, today, "on");
        Representation r = representations.stream().filter(x -> x.id.equals(representationId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Representation " + representationId));
        if (r.status != RepresentationStatus.ASSIGNED) {
            throw ProblemException.conflict("This assignment is " + r.status + "; only an ASSIGNED one can be answered");
        }
        if (on.isBefore(r.assignedOn)) {
            throw new ProblemException(ProblemType.VALIDATION, "on is before the assignment (" + r.assignedOn + ")");
        }
        r.status = accepted ? RepresentationStatus.ACCEPTED : RepresentationStatus.DECLINED;
        r.respondedOn = on;
        if (!accepted) {
            r.endedOn = on;
        }
        return new Happened.LawyerResponded(r);
    }

    public Optional<Representation> standing(RepresentationRole role) {
        return representations.stream().filter(r -> r.role == role && r.status.standing()).findFirst();
    }

    // ---- Trial and hearings -------------------------------------------------------------------------------------

    public record TrialOpening(String court, String courtCaseNumber, String judge, boolean inCamera,
            LocalDate reachedCourtOn, LocalDate schedulingCertificateOn) {
    }

    /** The case reached a special court. */
    public Happened.TrialOpened openTrial(TrialOpening t, LocalDate today) {
        requireOpen();
        if (registeredFir().isEmpty()) {
            throw ProblemException.conflict("A trial follows a registered FIR; none is recorded");
        }
        if (trial != null) {
            throw ProblemException.conflict("The trial is already recorded (" + trial.court + ", " + trial.courtCaseNumber + ")");
        }
        requireNotAfter(t.reachedCourtOn(), today, "reachedCourtOn");
        if (t.schedulingCertificateOn() != null && t.schedulingCertificateOn().isBefore(t.reachedCourtOn())) {
            throw new ProblemException(ProblemType.VALIDATION, "schedulingCertificateOn is before reachedCourtOn");
        }
        Trial trial = new Trial();
        trial.caseId = caseId;
        trial.file = this;
        trial.court = t.court();
        trial.courtCaseNumber = t.courtCaseNumber();
        trial.judge = t.judge();
        trial.inCamera = t.inCamera();
        trial.reachedCourtOn = t.reachedCourtOn();
        trial.schedulingCertificateOn = t.schedulingCertificateOn();
        this.trial = trial;
        return new Happened.TrialOpened(trial);
    }

    /** A hearing date set by the court. */
    public Happened.HearingScheduled scheduleHearing(LocalDate on, HearingPurpose purpose) {
        requireTrialInProgress();
        if (on.isBefore(trial.reachedCourtOn)) {
            throw new ProblemException(ProblemType.VALIDATION, "The hearing date is before the case reached the court");
        }
        if (hearings.stream().anyMatch(h -> h.hearingOn.equals(on))) {
            throw ProblemException.conflict("A hearing on " + on + " is already in the log");
        }
        return new Happened.HearingScheduled(addHearing(on, purpose));
    }

    public record HearingResult(HearingOutcome outcome, AdjournmentReason adjournmentReason, SoughtBy soughtBy,
            LocalDate nextOn, HearingPurpose nextPurpose) {
    }

    /**
     * What happened at a hearing that took place. An adjournment names its reason and who sought it and needs the
     * next date; a hearing held may set the next date; a concluded one ends the hearings (the verdict follows).
     */
    public Happened.HearingRecorded recordHearingOutcome(UUID hearingId, HearingResult result, LocalDate today,
            Instant now) {
        requireTrialInProgress();
        Hearing h = hearings.stream().filter(x -> x.id.equals(hearingId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Hearing " + hearingId));
        if (!h.pending()) {
            throw ProblemException.conflict("The outcome of the hearing on " + h.hearingOn + " is already recorded ("
                    + h.outcome + ")");
        }
        if (h.hearingOn.isAfter(today)) {
            throw ProblemException.conflict("The hearing on " + h.hearingOn + " has not taken place yet");
        }
        boolean adjourned = result.outcome() == HearingOutcome.ADJOURNED;
        if (adjourned && (result.adjournmentReason() == null || result.soughtBy() == null)) {
            throw new ProblemException(ProblemType.VALIDATION, "An adjournment needs adjournmentReason and soughtBy");
        }
        if (!adjourned && (result.adjournmentReason() != null || result.soughtBy() != null)) {
            throw new ProblemException(ProblemType.VALIDATION, "adjournmentReason and soughtBy are for an adjournment only");
        }
        if (adjourned && result.nextOn() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "An adjournment needs the next date (nextOn)");
        }
        if (result.outcome() == HearingOutcome.CONCLUDED && result.nextOn() != null) {
            throw new ProblemException(ProblemType.VALIDATION, "A concluded trial has no next date");
        }
        if (result.nextOn() != null && !result.nextOn().isAfter(h.hearingOn)) {
            throw new ProblemException(ProblemType.VALIDATION, "nextOn must be after the hearing date " + h.hearingOn);
        }
        h.outcome = result.outcome();
        h.adjournmentReason = result.adjournmentReason();
        h.soughtBy = result.soughtBy();
        h.recordedAt = now;
        Hearing next = null;
        if (result.nextOn() != null) {
            next = hearings.stream().filter(x -> x.hearingOn.equals(result.nextOn())).findFirst()
                    .orElseGet(() -> addHearing(result.nextOn(),
                            result.nextPurpose() != null ? result.nextPurpose() : h.purpose));
        }
        return new Happened.HearingRecorded(h, next);
    }

    private Hearing addHearing(LocalDate on, HearingPurpose purpose) {
        Hearing h = new Hearing();
        h.id = UUID.randomUUID();
        h.file = this;
        h.hearingOn = on;
        h.purpose = purpose;
        hearings.add(h);
        hearings.sort(Comparator.comparing(x -> x.hearingOn));
        return h;
    }

    private void requireTrialInProgress() {
        requireOpen();
        if (trial == null) {
            throw ProblemException.conflict("No trial is recorded for this case yet");
        }
        if (verdict != null) {
            throw ProblemException.conflict("The trial ended with a verdict on " + verdict.decidedOn);
        }
    }

    /** The next hearing date, if one is set. */
    public Optional<LocalDate> nextHearingOn(LocalDate today) {
        return hearings.stream().filter(h -> h.pending() && !h.hearingOn.isBefore(today)).map(h -> h.hearingOn)
                .findFirst();
    }

    // ---- Verdict and appeal -------------------------------------------------------------------------------------

    public record VerdictRecord(VerdictOutcome outcome, List<String> sections, String sentence, LocalDate decidedOn) {
    }

    /**
     * The court's decision, recorded once. A conviction names its sections and sentence; a conviction under a
     * scheduled offence is to be notified to the sex offenders register.
     *
     * @param scheduledOffences section codes of the register's schedule (configuration)
     */
    public Happened.VerdictRecorded recordVerdict(VerdictRecord v, Set<String> scheduledOffences, LocalDate today,
            Instant now) {
        requireOpen();
        if (trial == null) {
            throw ProblemException.conflict("A verdict follows a trial; none is recorded");
        }
        if (verdict != null) {
            throw ProblemException.conflict("The verdict is already recorded (" + verdict.outcome + " on "
                    + verdict.decidedOn + "); it is recorded once");
        }
        requireNotAfter(v.decidedOn(), today, "decidedOn");
        if (v.decidedOn().isBefore(trial.reachedCourtOn)) {
            throw new ProblemException(ProblemType.VALIDATION, "decidedOn is before the case reached the court");
        }
        List<String> sections = v.sections() == null ? List.of() : v.sections();
        if (v.outcome() == VerdictOutcome.CONVICTED) {
            requireSections(sections, "sections");
            if (v.sentence() == null || v.sentence().isBlank()) {
                throw new ProblemException(ProblemType.VALIDATION, "A conviction needs its sentence");
            }
        } else if (!sections.isEmpty()) {
            requireSections(sections, "sections");
        }
        Verdict verdict = new Verdict();
        verdict.caseId = caseId;
        verdict.file = this;
        verdict.outcome = v.outcome();
        verdict.sections = new ArrayList<>(sections);
        verdict.sentence = v.sentence();
        verdict.decidedOn = v.decidedOn();
        verdict.recordedAt = now;
        this.verdict = verdict;
        for (Hearing h : hearings) {
            if (h.pending() && h.hearingOn.isAfter(v.decidedOn())) {
                h.outcome = HearingOutcome.CONCLUDED;
                h.recordedAt = now;
            }
        }
        List<String> register = v.outcome() == VerdictOutcome.CONVICTED
                ? sections.stream().filter(scheduledOffences::contains).toList()
                : List.of();
        return new Happened.VerdictRecorded(verdict, register);
    }

    public Happened.AppealFiled fileAppeal(AppealBy by, String court, LocalDate filedOn, LocalDate today) {
        requireOpen();
        if (verdict == null) {
            throw ProblemException.conflict("An appeal follows a verdict; none is recorded");
        }
        requireNotAfter(filedOn, today, "filedOn");
        if (filedOn.isBefore(verdict.decidedOn)) {
            throw new ProblemException(ProblemType.VALIDATION, "filedOn is before the verdict (" + verdict.decidedOn + ")");
        }
        if (appeals.stream().anyMatch(a -> a.decidedOn == null)) {
            throw ProblemException.conflict("An appeal is already pending");
        }
        Appeal a = new Appeal();
        a.id = UUID.randomUUID();
        a.file = this;
        a.filedBy = by;
        a.court = court;
        a.filedOn = filedOn;
        appeals.add(a);
        return new Happened.AppealFiled(a);
    }

    public Happened.AppealDecided decideAppeal(UUID appealId, AppealOutcome outcome, LocalDate decidedOn, LocalDate today) {
        requireOpen();
        Appeal a = appeals.stream().filter(x -> x.id.equals(appealId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Appeal " + appealId));
        if (a.decidedOn != null) {
            throw ProblemException.conflict("The appeal was decided on " + a.decidedOn);
        }
        requireNotAfter(decidedOn, today, "decidedOn");
        if (decidedOn.isBefore(a.filedOn)) {
            throw new ProblemException(ProblemType.VALIDATION, "decidedOn is before the appeal was filed");
        }
        a.decidedOn = decidedOn;
        a.outcome = outcome;
        return new Happened.AppealDecided(a);
    }

    public Optional<Appeal> latestAppeal() {
        return appeals.isEmpty() ? Optional.empty() : Optional.of(appeals.get(appeals.size() - 1));
    }

    // ---- What the file shows ------------------------------------------------------------------------------------

    /** The coarse stage (for case workers, counsellors and the survivor's status lookup). */
    public Stage stage() {
        if (verdict != null) {
            return Stage.DECIDED;
        }
        if (trial != null) {
            return Stage.IN_COURT;
        }
        if (investigation != null) {
            return Stage.UNDER_INVESTIGATION;
        }
        if (registeredFir().isPresent()) {
            return Stage.FIR_REGISTERED;
        }
        return firs.isEmpty() ? Stage.NO_FIR : Stage.FIR_REFUSED;
    }

    /**
     * The stage to announce after a step: the file's stage when it differs from the one last announced (a file
     * starts at {@code NO_FIR}, which is not announced), marked as announced; empty when nothing changed.
     */
    public Optional<Stage> stageToAnnounce() {
        Stage now = stage();
        Stage before = announcedStage == null ? Stage.NO_FIR : announcedStage;
        if (now == before) {
            return Optional.empty();
        }
        announcedStage = now;
        return Optional.of(now);
    }

    /** Something about to stall, for the legal officer and the supervisor. */
    public record Flag(String code, String detail) {
        public static final String HEARING_WITHOUT_OUTCOME = "HEARING_WITHOUT_OUTCOME";
        public static final String TRIAL_WITHOUT_NEXT_DATE = "TRIAL_WITHOUT_NEXT_DATE";
        public static final String ANALYSED_WITHOUT_DNA_REPORT = "ANALYSED_WITHOUT_DNA_REPORT";
    }

    /** A passed hearing date with no outcome; a trial in progress with no next date. */
    public List<Flag> flags(LocalDate today, List<CaseEvidenceItem> evidence) {
        List<Flag> flags = new ArrayList<>();
        if (verdict != null || isClosed()) {
            return flags;
        }
        if (investigation != null && investigation.dnaReportReceivedOn == null) {
            // The lab has analysed the case's evidence, but the report has not reached the investigation.
            evidence.stream().filter(e -> e.analysedAt != null).map(e -> e.kitNumber).sorted()
                    .reduce((a, b) -> a + ", " + b)
                    .ifPresent(kits -> flags.add(new Flag(Flag.ANALYSED_WITHOUT_DNA_REPORT, "The lab recorded the analysis of "
                            + kits + "; no DNA report has reached the investigation")));
        }
        if (trial == null) {
            return flags;
        }
        for (Hearing h : hearings) {
            if (h.pending() && h.hearingOn.isBefore(today)) {
                flags.add(new Flag(Flag.HEARING_WITHOUT_OUTCOME, "The hearing on " + h.hearingOn + " (" + h.purpose
                        + ") has passed with no outcome recorded"));
            }
        }
        boolean concluded = hearings.stream().anyMatch(h -> h.outcome == HearingOutcome.CONCLUDED);
        if (!concluded && nextHearingOn(today).isEmpty()) {
            flags.add(new Flag(Flag.TRIAL_WITHOUT_NEXT_DATE, "The trial in " + trial.court + " has no next hearing date"));
        }
        return flags;
    }

    // ---- Checks shared by the rules -----------------------------------------------------------------------------

    private void requireOpen() {
        if (isClosed()) {
            throw ProblemException.conflict("The case was closed on " + closedAt + "; its legal file takes no more steps");
        }
    }

    private void requireBetweenArrivalAndNow(Instant at, String field, Instant now) {
        if (at.isAfter(now.plus(SKEW))) {
            throw new ProblemException(ProblemType.VALIDATION, field + " is in the future");
        }
        if (at.isBefore(arrivedAt)) {
            throw new ProblemException(ProblemType.VALIDATION, field + " is before the survivor arrived at the cell");
        }
    }

    private static void requireNotAfter(LocalDate day, LocalDate today, String field) {
        if (day.isAfter(today)) {
            throw new ProblemException(ProblemType.VALIDATION, field + " is in the future");
        }
    }

    private static void requireSections(List<String> sections, String field) {
        if (sections == null || sections.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, field + " needs at least one legal section code");
        }
        for (String code : sections) {
            if (!LegalSectionCodes.isKnown(code)) {
                throw new ProblemException(ProblemType.VALIDATION, field + " has a code that is not in the legal section catalogue");
            }
        }
        if (Set.copyOf(sections).size() != sections.size()) {
            throw new ProblemException(ProblemType.VALIDATION, field + " lists a section twice");
        }
    }
}
