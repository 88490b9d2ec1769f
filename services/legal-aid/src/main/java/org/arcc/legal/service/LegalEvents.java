package org.arcc.legal.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.contracts.legal.FirRefused;
import org.arcc.contracts.legal.FirRegistered;
import org.arcc.contracts.legal.HearingRecorded;
import org.arcc.contracts.legal.LawyerAssigned;
import org.arcc.contracts.legal.LegalDeadlineBreached;
import org.arcc.contracts.legal.LegalStageChanged;
import org.arcc.contracts.legal.RegisterNotice;
import org.arcc.contracts.legal.VerdictRecorded;
import org.arcc.legal.domain.Codes.Stage;
import org.arcc.legal.domain.DueDate;
import org.arcc.legal.domain.Fir;
import org.arcc.legal.domain.Happened;
import org.arcc.legal.domain.Hearing;
import org.arcc.legal.domain.LegalFile;

/**
 * What the legal-aid service publishes, through the outbox in the use case's transaction. Payloads carry ids,
 * codes, dates and, for the register, the court's own references; never the survivor's initials or anything typed
 * about a person.
 */
@ApplicationScoped
public class LegalEvents {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    void firRegistered(LegalFile file, Happened.FirRegistered done) {
        Fir fir = done.fir();
        outbox.record(FirRegistered.TYPE, file.caseId.toString(), new FirRegistered(file.caseId, file.cellCode, fir.id,
                fir.policeStation, fir.sections, fir.at, done.fromArrival().toMinutes()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void firRefused(LegalFile file, Happened.FirRefused done) {
        Fir fir = done.fir();
        outbox.record(FirRefused.TYPE, file.caseId.toString(), new FirRefused(file.caseId, file.cellCode, fir.id,
                fir.policeStation, fir.refusalReason.name(), fir.at));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void lawyerAssigned(LegalFile file, Happened.LawyerAssigned done) {
        outbox.record(LawyerAssigned.TYPE, file.caseId.toString(), new LawyerAssigned(file.caseId, file.cellCode,
                done.assigned().id, done.assigned().role.name(), done.assigned().assignedOn,
                done.replaced() == null ? null : done.replaced().id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void hearingRecorded(LegalFile file, Happened.HearingRecorded done) {
        Hearing h = done.hearing();
        outbox.record(HearingRecorded.TYPE, file.caseId.toString(), new HearingRecorded(file.caseId, file.cellCode, h.id,
                h.hearingOn, h.purpose.name(), h.outcome.name(),
                h.adjournmentReason == null ? null : h.adjournmentReason.name(),
                h.soughtBy == null ? null : h.soughtBy.name(), done.next() == null ? null : done.next().hearingOn));
    }

    /** The verdict; a conviction under a scheduled offence also goes to the sex offenders register. */
    @Transactional(Transactional.TxType.MANDATORY)
    void verdictRecorded(LegalFile file, Happened.VerdictRecorded done) {
        var v = done.verdict();
        outbox.record(VerdictRecorded.TYPE, file.caseId.toString(), new VerdictRecorded(file.caseId, file.cellCode,
                v.outcome.name(), v.sections, v.decidedOn, file.trial.reachedCourtOn,
                ChronoUnit.DAYS.between(file.trial.reachedCourtOn, v.decidedOn)));
        if (done.notifiesRegister()) {
            UUID notice = UUID.randomUUID();
            outbox.record(RegisterNotice.TYPE, notice.toString(), new RegisterNotice(notice, file.trial.court,
                    file.trial.courtCaseNumber, done.registerSections(), v.decidedOn));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void deadlineBreached(LegalFile file, DueDate d, Instant detectedAt) {
        outbox.record(LegalDeadlineBreached.TYPE, file.caseId.toString(), new LegalDeadlineBreached(file.caseId,
                file.cellCode, d.rule().code().name(), d.rule().statutory(), d.dueAt(), detectedAt));
    }

    /** The coarse stage, for the survivor's status lookup: the month only, no references. */
    @Transactional(Transactional.TxType.MANDATORY)
    void stageChanged(LegalFile file, Stage stage, Instant at) {
        outbox.record(LegalStageChanged.TYPE, file.caseId.toString(), new LegalStageChanged(file.caseId, file.cellCode,
                stage.name(), java.time.YearMonth.from(at.atZone(LegalFile.PAKISTAN)).toString()));
    }
}
