package org.arcc.legal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Yields the due dates of a file from the configured rules. A deadline exists once its starting point exists:
 * the FIR target from the arrival (when the survivor consented to a police report), the s.173 report from the
 * FIR, the trial from the day the case reached the court, an appeal's decision from its filing.
 */
public final class DeadlineRules {

    private final Map<DeadlineCode, DeadlineRule> rules;

    public DeadlineRules(Map<DeadlineCode, DeadlineRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public DeadlineRule rule(DeadlineCode code) {
        return rules.get(code);
    }

    public List<DueDate> dueDates(LegalFile file, boolean policeReportConsent) {
        List<DueDate> due = new ArrayList<>();
        Instant firAt = file.registeredFir().map(f -> f.at).orElse(null);
        DeadlineRule fir = rules.get(DeadlineCode.FIR_AFTER_ARRIVAL);
        if (fir != null && (policeReportConsent || firAt != null)) {
            due.add(new DueDate(fir, fir.dueAfter(file.arrivedAt), firAt));
        }
        DeadlineRule challan = rules.get(DeadlineCode.S173_REPORT);
        if (challan != null && firAt != null) {
            LocalDate submitted = file.investigation == null ? null : file.investigation.challanSubmittedOn;
            due.add(new DueDate(challan, challan.dueAfter(firAt), startOf(submitted)));
        }
        DeadlineRule trial = rules.get(DeadlineCode.TRIAL_CONCLUDED);
        if (trial != null && file.trial != null) {
            due.add(new DueDate(trial, trial.dueAfter(file.trial.reachedCourtOn),
                    file.verdict == null ? null : startOf(file.verdict.decidedOn)));
        }
        DeadlineRule appeal = rules.get(DeadlineCode.APPEAL_DECIDED);
        if (appeal != null) {
            file.latestAppeal().ifPresent(a -> due.add(new DueDate(appeal, appeal.dueAfter(a.filedOn), startOf(a.decidedOn))));
        }
        return due;
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(LegalFile.PAKISTAN).toInstant();
    }
}
