package org.arcc.legal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arcc.legal.domain.Appeal;
import org.arcc.legal.domain.CaseEvidenceItem;
import org.arcc.legal.domain.DueDate;
import org.arcc.legal.domain.Fir;
import org.arcc.legal.domain.Hearing;
import org.arcc.legal.domain.Investigation;
import org.arcc.legal.domain.LegalFile;
import org.arcc.legal.domain.Representation;
import org.arcc.legal.domain.Trial;
import org.arcc.legal.domain.Verdict;
import org.arcc.legal.service.LegalFiles;

/** A legal file as its legal officer and supervisor read it. */
public record FileView(UUID caseId, String caseReference, String cell, List<String> caseSections, Instant arrivedAt,
        Instant closedAt, String stage, String initials, List<FirView> firs, InvestigationView investigation,
        List<RepresentationView> representations, TrialView trial, List<HearingView> hearings, VerdictView verdict,
        List<AppealView> appeals, List<DeadlineView> deadlines, List<FlagView> flags,
        List<EvidenceItemView> evidenceItems) {

    /**
     * An evidence item of the case as the evidence service announced it: what a DNA report may cover.
     *
     * @param analysedAt when a lab recorded its analysis in the custody log; null until then
     */
    public record EvidenceItemView(UUID itemId, String kitNumber, String itemType, Instant collectedAt,
            Instant analysedAt) {

        static EvidenceItemView of(CaseEvidenceItem e) {
            return new EvidenceItemView(e.itemId, e.kitNumber, e.itemType, e.collectedAt, e.analysedAt);
        }
    }

    /** @param hoursFromArrival for a registered FIR, whole hours from the survivor's arrival */
    public record FirView(UUID id, String outcome, String policeStation, String firNumber, Instant at,
            List<String> sections, String officer, String refusalReason, String refusedBy, Long hoursFromArrival) {

        static FirView of(Fir f) {
            return new FirView(f.id, f.outcome.name(), f.policeStation, f.firNumber, f.at, f.sections, f.officer,
                    f.refusalReason == null ? null : f.refusalReason.name(), f.refusedBy,
                    f.firNumber == null ? null : java.time.Duration.between(f.file.arrivedAt, f.at).toHours());
        }
    }

    public record InvestigationView(String unit, String investigatingOfficer, Boolean femaleOfficerPresent,
            LocalDate s161RecordedOn, LocalDate s164RecordedOn, LocalDate dnaReportReceivedOn, List<UUID> dnaItemIds,
            LocalDate challanSubmittedOn, LocalDate transferRequestedOn, String transferReason) {

        static InvestigationView of(Investigation i) {
            return i == null ? null : new InvestigationView(i.unit, i.investigatingOfficer, i.femaleOfficerPresent,
                    i.s161RecordedOn, i.s164RecordedOn, i.dnaReportReceivedOn, i.dnaItemIds, i.challanSubmittedOn,
                    i.transferRequestedOn, i.transferReason == null ? null : i.transferReason.name());
        }
    }

    public record RepresentationView(UUID id, String role, String lawyer, String enrolment, String status,
            LocalDate assignedOn, LocalDate respondedOn, LocalDate endedOn) {

        static RepresentationView of(Representation r) {
            return new RepresentationView(r.id, r.role.name(), r.lawyer, r.enrolment, r.status.name(), r.assignedOn,
                    r.respondedOn, r.endedOn);
        }
    }

    public record TrialView(String court, String courtCaseNumber, String judge, boolean inCamera,
            LocalDate reachedCourtOn, LocalDate schedulingCertificateOn) {

        static TrialView of(Trial t) {
            return t == null ? null : new TrialView(t.court, t.courtCaseNumber, t.judge, t.inCamera, t.reachedCourtOn,
                    t.schedulingCertificateOn);
        }
    }

    public record HearingView(UUID id, LocalDate on, String purpose, String outcome, String adjournmentReason,
            String soughtBy) {

        static HearingView of(Hearing h) {
            return h == null ? null : new HearingView(h.id, h.hearingOn, h.purpose.name(),
                    h.outcome == null ? null : h.outcome.name(),
                    h.adjournmentReason == null ? null : h.adjournmentReason.name(),
                    h.soughtBy == null ? null : h.soughtBy.name());
        }
    }

    public record VerdictView(String outcome, List<String> sections, String sentence, LocalDate decidedOn) {

        static VerdictView of(Verdict v) {
            return v == null ? null : new VerdictView(v.outcome.name(), v.sections, v.sentence, v.decidedOn);
        }
    }

    public record AppealView(UUID id, String filedBy, String court, LocalDate filedOn, LocalDate decidedOn, String outcome) {

        static AppealView of(Appeal a) {
            return new AppealView(a.id, a.filedBy.name(), a.court, a.filedOn, a.decidedOn,
                    a.outcome == null ? null : a.outcome.name());
        }
    }

    /** A deadline on the file, with where its period comes from. */
    public record DeadlineView(String rule, Instant dueAt, Instant metAt, String status, boolean statutory, String source) {

        static DeadlineView of(DueDate d, Instant now) {
            return new DeadlineView(d.rule().code().name(), d.dueAt(), d.metAt(), d.status(now).name(),
                    d.rule().statutory(), d.rule().source());
        }
    }

    public record FlagView(String code, String detail) {
    }

    static FileView of(LegalFiles.FileRead read) {
        LegalFile f = read.file();
        return new FileView(f.caseId, f.caseReference, f.cellCode, f.caseSections, f.arrivedAt, f.closedAt,
                f.stage().name(), read.initials(), f.firs.stream().map(FirView::of).toList(),
                InvestigationView.of(f.investigation), f.representations.stream().map(RepresentationView::of).toList(),
                TrialView.of(f.trial), f.hearings.stream().map(HearingView::of).toList(), VerdictView.of(f.verdict),
                f.appeals.stream().map(AppealView::of).toList(),
                read.deadlines().stream().map(d -> DeadlineView.of(d, read.now())).toList(),
                read.flags().stream().map(x -> new FlagView(x.code(), x.detail())).toList(),
                read.evidence().stream().map(EvidenceItemView::of).toList());
    }
}
