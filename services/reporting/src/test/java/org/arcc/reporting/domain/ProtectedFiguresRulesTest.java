package org.arcc.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** What a kept protected result depends on, and what it holds: plain rules, no service. */
@UnitTest
class ProtectedFiguresRulesTest {

    static final Periods Q1 = new Periods(YearMonth.parse("2026-01"), YearMonth.parse("2026-03"));

    @Test
    void analystsAndAdministratorsShareAResultSupervisorsOfEachCellHaveTheirOwn() {
        FiguresKey nothingExact = FiguresKey.of(7, Q1, Optional.empty());
        assertThat(FiguresKey.of(7, Q1, Optional.empty())).isEqualTo(nothingExact).hasSameHashCodeAs(nothingExact);
        assertThat(FiguresKey.of(7, Q1, Optional.of("KHI"))).isNotEqualTo(nothingExact)
                .isNotEqualTo(FiguresKey.of(7, Q1, Optional.of("MUX")))
                .isEqualTo(FiguresKey.of(7, Q1, Optional.of("KHI")));
    }

    @Test
    void aChangeToTheProjectionsOrAnotherPeriodIsAnotherResult() {
        FiguresKey before = FiguresKey.of(7, Q1, Optional.empty());
        assertThat(FiguresKey.of(8, Q1, Optional.empty())).as("the projections changed").isNotEqualTo(before);
        assertThat(FiguresKey.of(7, new Periods(YearMonth.parse("2026-01"), YearMonth.parse("2026-02")),
                Optional.empty())).as("another period").isNotEqualTo(before);
    }

    @Test
    void holdsEveryTablesPublishedFiguresExactlyAsProtectedAndCountsThem() {
        List<CaseRecord> cases = new ArrayList<>();
        cases.addAll(FiguresRulesTest.many(7, ACase.arrived("KHI", "2026-01")));
        cases.addAll(FiguresRulesTest.many(2, ACase.arrived("MUX", "2026-02")));
        Figures figures = FiguresRulesTest.figures(cases, "2026-01", "2026-03", Optional.empty());

        ProtectedFigures kept = ProtectedFigures.of(figures);

        int total = 0;
        for (ReportTable table : ReportCatalog.tables()) {
            assertThat(kept.of(table)).as(table.id()).isEqualTo(figures.of(table));
            total += figures.of(table).size();
        }
        assertThat(kept.size()).isEqualTo(total);
        assertThat(kept.k()).isEqualTo(5);
        assertThat(FiguresRulesTest.find(kept.of(ReportCatalog.table("survivors-by-age-band").orElseThrow()), "MUX",
                "2026-02", "TOTAL").display()).as("suppressed as published").isEqualTo("< 5");
    }

    @Test
    void aYearForOneViewerIsAboutTwentyThousandFigures() {
        Figures year = FiguresRulesTest.figures(FiguresRulesTest.many(7, ACase.arrived("KHI", "2026-01")), "2026-01",
                "2026-12", Optional.empty());
        assertThat(ProtectedFigures.of(year).size()).isBetween(15_000, 40_000);
    }
}
