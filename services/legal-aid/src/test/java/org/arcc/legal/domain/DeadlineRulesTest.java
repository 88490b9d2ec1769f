package org.arcc.legal.domain;

import static org.arcc.legal.domain.AFile.ARRIVED;
import static org.arcc.legal.domain.AFile.NOW;
import static org.arcc.legal.domain.AFile.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arcc.legal.domain.Codes.AppealBy;
import org.arcc.legal.domain.Codes.VerdictOutcome;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** Due dates from the configured rules (the defaults of application.properties), without a database. */
@UnitTest
class DeadlineRulesTest {

    static final DeadlineRules RULES = new DeadlineRules(Map.of(
            DeadlineCode.FIR_AFTER_ARRIVAL, new DeadlineRule(DeadlineCode.FIR_AFTER_ARRIVAL, "PT24H", false, "policy"),
            DeadlineCode.S173_REPORT, new DeadlineRule(DeadlineCode.S173_REPORT, "P14D", false, "CrPC s.173"),
            DeadlineCode.TRIAL_CONCLUDED, new DeadlineRule(DeadlineCode.TRIAL_CONCLUDED, "P4M", true, "Anti-Rape Act 2021"),
            DeadlineCode.APPEAL_DECIDED, new DeadlineRule(DeadlineCode.APPEAL_DECIDED, "P6M", false, "policy")));

    private static DueDate due(LegalFile file, DeadlineCode code, boolean consent) {
        return RULES.dueDates(file, consent).stream().filter(d -> d.rule().code() == code).findFirst().orElse(null);
    }

    @Test
    void theFirTargetRunsFromArrivalOnceThereIsConsentToAPoliceReport() {
        LegalFile file = AFile.justOpened();
        assertThat(due(file, DeadlineCode.FIR_AFTER_ARRIVAL, false)).as("no consent, no target").isNull();
        DueDate fir = due(file, DeadlineCode.FIR_AFTER_ARRIVAL, true);
        assertThat(fir.dueAt()).isEqualTo(ARRIVED.plusSeconds(24 * 3600));
        assertThat(fir.status(ARRIVED.plusSeconds(3600))).isEqualTo(DueDate.Status.UPCOMING);
        assertThat(fir.status(ARRIVED.plusSeconds(25 * 3600))).isEqualTo(DueDate.Status.OVERDUE);

        LegalFile atFiveHours = AFile.withFir();
        assertThat(due(atFiveHours, DeadlineCode.FIR_AFTER_ARRIVAL, true).status(NOW)).isEqualTo(DueDate.Status.MET);
    }

    @Test
    void theS173ReportIsDueFourteenDaysAfterTheFir() {
        LegalFile file = AFile.withFir();
        DueDate report = due(file, DeadlineCode.S173_REPORT, true);
        Instant fir = file.registeredFir().get().at;
        assertThat(report.dueAt()).isEqualTo(fir.atZone(LegalFile.PAKISTAN).plusDays(14).toInstant());
        assertThat(report.breached(NOW)).isTrue();
        file.startInvestigation("ssoiu-khi", "Inspector Shazia", NOW);
        file.recordInvestigationStep(new InvestigationStep.ChallanSubmitted(LocalDate.of(2026, 3, 25)), TODAY, List.of());
        assertThat(due(file, DeadlineCode.S173_REPORT, true).status(NOW)).isEqualTo(DueDate.Status.MET);
    }

    @Test
    void theTrialIsDueToConcludeByTheEndOfTheDayFourMonthsAfterReachingCourt() {
        LegalFile file = AFile.inCourt(); // reached court 1 May 2026
        DueDate trial = due(file, DeadlineCode.TRIAL_CONCLUDED, true);
        Instant endOfFirstSeptember = LocalDate.of(2026, 9, 2).atStartOfDay(LegalFile.PAKISTAN).toInstant();
        assertThat(trial.dueAt()).isEqualTo(endOfFirstSeptember);
        assertThat(trial.rule().statutory()).isTrue();
        assertThat(trial.status(endOfFirstSeptember.minusSeconds(1))).isEqualTo(DueDate.Status.UPCOMING);
        assertThat(trial.status(endOfFirstSeptember.plusSeconds(1))).isEqualTo(DueDate.Status.OVERDUE);
    }

    @Test
    void aVerdictWithinFourMonthsMeetsItAndOneAfterIsLate() {
        LegalFile inTime = AFile.inCourt();
        inTime.recordVerdict(new LegalFile.VerdictRecord(VerdictOutcome.CONVICTED, List.of("PPC_376"), "Life",
                LocalDate.of(2026, 9, 1)), Set.of(), TODAY, NOW);
        assertThat(due(inTime, DeadlineCode.TRIAL_CONCLUDED, true).status(NOW)).isEqualTo(DueDate.Status.MET);

        LegalFile late = AFile.inCourt();
        late.recordVerdict(new LegalFile.VerdictRecord(VerdictOutcome.ACQUITTED, List.of(), null,
                LocalDate.of(2026, 9, 2)), Set.of(), TODAY.plusDays(1), NOW);
        DueDate trial = due(late, DeadlineCode.TRIAL_CONCLUDED, true);
        assertThat(trial.status(NOW)).isEqualTo(DueDate.Status.MET_LATE);
        assertThat(trial.breached(NOW)).isTrue();
    }

    @Test
    void anAppealIsDueSixMonthsAfterFiling() {
        LegalFile file = AFile.inCourt();
        file.recordVerdict(new LegalFile.VerdictRecord(VerdictOutcome.CONVICTED, List.of("PPC_376"), "Life",
                LocalDate.of(2026, 7, 1)), Set.of(), TODAY, NOW);
        file.fileAppeal(AppealBy.CONVICT, "Sindh High Court", LocalDate.of(2026, 7, 10), TODAY);
        assertThat(due(file, DeadlineCode.APPEAL_DECIDED, true).dueAt())
                .isEqualTo(LocalDate.of(2027, 1, 11).atStartOfDay(LegalFile.PAKISTAN).toInstant());
    }

    @Test
    void aRuleIsConfiguredWithItsSourceAndAReadablePeriod() {
        assertThat(new DeadlineRule(DeadlineCode.TRIAL_CONCLUDED, "P2M", true, "x").dueAfter(LocalDate.of(2026, 1, 31)))
                .isEqualTo(LocalDate.of(2026, 4, 1).atStartOfDay(LegalFile.PAKISTAN).toInstant());
        assertThatThrownBy(() -> new DeadlineRule(DeadlineCode.TRIAL_CONCLUDED, "four months", true, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadlineRule(DeadlineCode.TRIAL_CONCLUDED, "P4M", true, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
