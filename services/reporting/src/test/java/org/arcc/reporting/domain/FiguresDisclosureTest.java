package org.arcc.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.arcc.disclosure.Attacker;
import org.arcc.disclosure.DisclosureRule;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * The attacker against the service's own tables: a quarter of cases in six cells, busy and quiet, tallied into
 * every table the API publishes and protected together. For every suppressed figure the tightest bounds implied
 * by everything published (all tables, all totals, the viewer's own cell) must be as wide as the rule requires,
 * for an analyst and for a cell supervisor who knows their cell exactly.
 */
@UnitTest
class FiguresDisclosureTest {

    static final String[] CELLS = { "KHI", "LHE-1", "LHE-2", "RWP", "MUX", "ISB" };
    static final int[][] PER_MONTH = { { 9, 11, 8, 12, 10, 7 }, { 7, 6, 9, 5, 8, 6 }, { 3, 5, 2, 6, 4, 5 },
            { 5, 3, 6, 2, 5, 4 }, { 2, 1, 4, 3, 2, 6 }, { 1, 2, 0, 3, 1, 2 } };
    static final String[] AGES = { "ADULT_18_24", "ADULT_25_59", "CHILD_12_17", "ADULT_18_24", "CHILD_0_11" };
    static final String[] CHANNELS = { "WALK_IN", "POLICE", "NGO_REFERRAL", "WALK_IN", "HOTLINE" };

    static List<CaseRecord> months(int months) {
        Random random = new Random(14);
        List<CaseRecord> cases = new ArrayList<>();
        for (int c = 0; c < CELLS.length; c++) {
            for (int m = 0; m < months; m++) {
                for (int i = 0; i < PER_MONTH[c][m]; i++) {
                    ACase a = ACase.arrived(CELLS[c], YearMonth.of(2026, 1 + m).toString())
                            .ageBand(AGES[random.nextInt(AGES.length)]).channel(CHANNELS[random.nextInt(CHANNELS.length)]);
                    if (random.nextInt(3) > 0) {
                        a.examAfterHours(1 + random.nextInt(10));
                    }
                    if (random.nextBoolean()) {
                        a.dnaToLabAfterHours(12 + random.nextInt(90));
                    }
                    if (random.nextInt(4) == 0) {
                        a.firAfterHours(2 + random.nextInt(40));
                    }
                    cases.add(a.build());
                }
            }
        }
        return cases;
    }

    /** A quarter: the attacker's linear programs grow fast with the months (six take minutes on CI's two cores). */
    static Figures protect(Optional<String> viewer) {
        return protect(viewer, 3);
    }

    static Figures protect(Optional<String> viewer, int months) {
        Tally tally = new Tally();
        months(months).forEach(c -> ReportCatalog.tally(c, tally));
        return new Figures(FiguresRulesTest.PAKISTAN, new Periods(YearMonth.of(2026, 1), YearMonth.of(2026, months)),
                tally, new DisclosureRule(5), viewer);
    }

    @Test
    void noSuppressedFigureCanBeNarrowedDownByAnAnalyst() {
        Figures figures = protect(Optional.empty());
        assertThat(figures.disclosure().suppressedCells()).as("something is suppressed").isNotEmpty();
        assertThat(Attacker.unprotected(figures.tables(), figures.disclosure(), figures.knownToViewer(),
                new DisclosureRule(5))).as("suppressed figures an analyst can narrow down").isEmpty();
        List<Figure> ages = figures.of(ReportCatalog.table("survivors-by-age-band").orElseThrow());
        assertThat(ages).as("and something is published").anyMatch(f -> !f.suppressed());
    }

    @Test
    void noSuppressedFigureCanBeNarrowedDownByASupervisorWhoKnowsTheirCell() {
        Figures figures = protect(Optional.of("MUX"));
        assertThat(Attacker.unprotected(figures.tables(), figures.disclosure(), figures.knownToViewer(),
                new DisclosureRule(5))).as("suppressed figures MUX's supervisor can narrow down").isEmpty();
        assertThat(figures.of(ReportCatalog.table("survivors-by-age-band").orElseThrow()))
                .filteredOn(f -> f.geography().equals("MUX")).noneMatch(Figure::suppressed);
    }
}
