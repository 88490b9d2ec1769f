package org.arcc.legal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.audit.AuditAction;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.legal.config.LegalSettings;
import org.arcc.legal.domain.CaseConsent;
import org.arcc.legal.domain.CaseEvidenceItem;
import org.arcc.legal.domain.Codes.AppealBy;
import org.arcc.legal.domain.Codes.AppealOutcome;
import org.arcc.legal.domain.Codes.HearingPurpose;
import org.arcc.legal.domain.Codes.RepresentationRole;
import org.arcc.legal.domain.DueDate;
import org.arcc.legal.domain.Happened;
import org.arcc.legal.domain.InvestigationStep;
import org.arcc.legal.domain.LegalFile;
import org.arcc.legal.domain.Reference;
import org.arcc.vocabulary.ProblemType;

/**
 * The use cases of a legal file: load it within the caller's cell (audited), apply one rule, keep its deadlines,
 * record what happened for publication, all in one transaction.
 */
@ApplicationScoped
public class LegalFiles {

    /** A file as read by its legal officer or supervisor: the file, the initials in the clear, its deadlines and flags. */
    public record FileRead(LegalFile file, String initials, List<DueDate> deadlines, List<LegalFile.Flag> flags,
            List<CaseEvidenceItem> evidence, Instant now) {
    }

    static final String INITIALS = "initials";

    @Inject
    FileAccess access;

    @Inject
    Deadlines deadlines;

    @Inject
    LegalEvents events;

    @Inject
    FieldCipher cipher;

    @Inject
    LegalSettings settings;

    @Inject
    Clock clock;

    // ---- Reads --------------------------------------------------------------------------------------------------

    @Transactional(dontRollbackOn = FileNotFound.class)
    public FileRead read(Caller caller, UUID caseId) {
        LegalFile file = access.load(caller, caseId, AuditAction.READ);
        // Everything the view shows is loaded here, inside the transaction.
        file.firs.size();
        file.representations.size();
        file.hearings.size();
        file.appeals.size();
        String initials = file.initials == null ? null
                : cipher.decrypt(cipher.open(file.dataKeyId, file.caseId.toString()), INITIALS, file.initials);
        Instant now = clock.instant();
        List<DueDate> due = deadlines.of(file);
        List<CaseEvidenceItem> evidence = CaseEvidenceItem.ofCase(caseId);
        access.succeeded(caller, AuditAction.READ, file);
        return new FileRead(file, initials, due, file.flags(today(now), evidence), evidence, now);
    }

    @Transactional(dontRollbackOn = FileNotFound.class)
    public LegalFile stage(Caller caller, UUID caseId) {
        LegalFile file = access.load(caller, caseId, AuditAction.READ);
        file.firs.size();
        access.succeeded(caller, AuditAction.READ, file);
        return file;
    }

    // ---- Initials -----------------------------------------------------------------------------------------------

    /** The survivor's initials as court filings use them, sealed under the file's own data key. */
    @Transactional(dontRollbackOn = FileNotFound.class)
    public void setInitials(Caller caller, UUID caseId, String initials) {
        LegalFile file = writable(caller, caseId);
        FieldCipher.OpenKey key = file.dataKeyId == null ? cipher.newDataKey(file.caseId.toString())
                : cipher.open(file.dataKeyId, file.caseId.toString());
        file.dataKeyId = key.id();
        file.initials = cipher.encrypt(key, INITIALS, initials);
        done(caller, file);
    }

    // ---- FIR ----------------------------------------------------------------------------------------------------

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.FirRegistered registerFir(Caller caller, UUID caseId, LegalFile.FirRegistration r) {
        LegalFile file = writable(caller, caseId);
        requireKnown(Reference.PoliceStation.findById(r.policeStation()), "policeStation");
        Happened.FirRegistered done = file.registerFir(r, CaseConsent.stands(caseId, CaseConsent.POLICE_REPORT),
                caller.subject(), clock.instant());
        done(caller, file);
        events.firRegistered(file, done);
        return done;
    }

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.FirRefused recordFirRefusal(Caller caller, UUID caseId, LegalFile.FirRefusal r) {
        LegalFile file = writable(caller, caseId);
        requireKnown(Reference.PoliceStation.findById(r.policeStation()), "policeStation");
        Happened.FirRefused done = file.recordFirRefusal(r, CaseConsent.stands(caseId, CaseConsent.POLICE_REPORT),
                caller.subject(), clock.instant());
        done(caller, file);
        events.firRefused(file, done);
        return done;
    }

    // ---- Investigation ------------------------------------------------------------------------------------------

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.InvestigationStarted startInvestigation(Caller caller, UUID caseId, String unit, String officer) {
        LegalFile file = writable(caller, caseId);
        requireKnown(Reference.InvestigationUnit.findById(unit), "unit");
        Happened.InvestigationStarted done = file.startInvestigation(unit, officer, clock.instant());
        done(caller, file);
        return done;
    }

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.InvestigationStepRecorded recordInvestigationStep(Caller caller, UUID caseId, InvestigationStep step) {
        LegalFile file = writable(caller, caseId);
        Happened.InvestigationStepRecorded done = file.recordInvestigationStep(step, today(clock.instant()),
                CaseEvidenceItem.ofCase(caseId));
        done(caller, file);
        return done;
    }

    // ---- Representation -----------------------------------------------------------------------------------------

    /**
     * A lawyer joins the file. The survivor's legal-aid lawyer comes from the panel (by id); the special prosecutor
     * and the accused's counsel are named with their enrolment.
     */
    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.LawyerAssigned assignLawyer(Caller caller, UUID caseId, RepresentationRole role, String panelLawyer,
            String lawyer, String enrolment, LocalDate on) {
        LegalFile file = writable(caller, caseId);
        if (role == RepresentationRole.LEGAL_AID_LAWYER) {
            if (panelLawyer == null || lawyer != null || enrolment != null) {
                throw new ProblemException(ProblemType.VALIDATION,
                        "A legal-aid lawyer is chosen from the panel: give panelLawyer only");
            }
            Reference.PanelLawyer p = Reference.PanelLawyer.findById(panelLawyer);
            if (p == null || !p.active) {
                throw new ProblemException(ProblemType.VALIDATION, "panelLawyer is not an active lawyer of the panel");
            }
            lawyer = p.name;
            enrolment = p.enrolment;
        } else if (panelLawyer != null || lawyer == null || enrolment == null) {
            throw new ProblemException(ProblemType.VALIDATION, role + " is named with lawyer and enrolment, not panelLawyer");
        }
        Happened.LawyerAssigned done = file.assignLawyer(new LegalFile.Assignment(role, lawyer, enrolment, on),
                today(clock.instant()));
        done(caller, file);
        events.lawyerAssigned(file, done);
        return done;
    }

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.LawyerResponded lawyerResponded(Caller caller, UUID caseId, UUID representationId, boolean accepted,
            LocalDate on) {
        LegalFile file = writable(caller, caseId);
        Happened.LawyerResponded done = file.lawyerResponded(representationId, accepted, on, today(clock.instant()));
        done(caller, file);
        return done;
    }

    // ---- Trial --------------------------------------------------------------------------------------------------

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.TrialOpened openTrial(Caller caller, UUID caseId, LegalFile.TrialOpening t) {
        LegalFile file = writable(caller, caseId);
        Happened.TrialOpened done = file.openTrial(t, today(clock.instant()));
        done(caller, file);
        return done;
    }

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.HearingScheduled scheduleHearing(Caller caller, UUID caseId, LocalDate on, HearingPurpose purpose) {
        LegalFile file = writable(caller, caseId);
        Happened.HearingScheduled done = file.scheduleHearing(on, purpose);
        done(caller, file);
        return done;
    }

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.HearingRecorded recordHearingOutcome(Caller caller, UUID caseId, UUID hearingId,
            LegalFile.HearingResult result) {
        LegalFile file = writable(caller, caseId);
        Instant now = clock.instant();
        Happened.HearingRecorded done = file.recordHearingOutcome(hearingId, result, today(now), now);
        done(caller, file);
        events.hearingRecorded(file, done);
        return done;
    }

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.VerdictRecorded recordVerdict(Caller caller, UUID caseId, LegalFile.VerdictRecord v) {
        LegalFile file = writable(caller, caseId);
        Instant now = clock.instant();
        Happened.VerdictRecorded done = file.recordVerdict(v, settings.register().scheduledOffences(), today(now), now);
        done(caller, file);
        events.verdictRecorded(file, done);
        return done;
    }

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.AppealFiled fileAppeal(Caller caller, UUID caseId, AppealBy by, String court, LocalDate filedOn) {
        LegalFile file = writable(caller, caseId);
        Happened.AppealFiled done = file.fileAppeal(by, court, filedOn, today(clock.instant()));
        done(caller, file);
        return done;
    }

    @Transactional(dontRollbackOn = FileNotFound.class)
    public Happened.AppealDecided decideAppeal(Caller caller, UUID caseId, UUID appealId, AppealOutcome outcome,
            LocalDate decidedOn) {
        LegalFile file = writable(caller, caseId);
        Happened.AppealDecided done = file.decideAppeal(appealId, outcome, decidedOn, today(clock.instant()));
        done(caller, file);
        return done;
    }

    /** The deadline watcher's step for one file: its deadlines as they stand, breaches published once. */
    @Transactional
    public void checkDeadlines(UUID caseId) {
        LegalFile.getEntityManager().createNativeQuery("SELECT case_id FROM legal_file WHERE case_id = ?1 FOR UPDATE")
                .setParameter(1, caseId).getResultList();
        LegalFile file = LegalFile.findById(caseId);
        if (file != null && !file.isClosed()) {
            deadlines.refresh(file);
        }
    }

    // ---- Shared steps -------------------------------------------------------------------------------------------

    private LegalFile writable(Caller caller, UUID caseId) {
        return access.load(caller, caseId, AuditAction.UPDATE);
    }

    /**
     * After a rule: its new rows, the file's deadlines (a step that met one late publishes its breach), its stage when
     * that moved (for the survivor's status lookup), the audit.
     */
    private void done(Caller caller, LegalFile file) {
        LegalFile.getEntityManager().flush();
        deadlines.refresh(file);
        file.stageToAnnounce().ifPresent(stage -> events.stageChanged(file, stage, clock.instant()));
        access.succeeded(caller, AuditAction.UPDATE, file);
    }

    private static void requireKnown(Object reference, String field) {
        if (reference == null) {
            throw new ProblemException(ProblemType.VALIDATION, field + " is not in the reference data");
        }
    }

    static LocalDate today(Instant now) {
        return now.atZone(LegalFile.PAKISTAN).toLocalDate();
    }
}
