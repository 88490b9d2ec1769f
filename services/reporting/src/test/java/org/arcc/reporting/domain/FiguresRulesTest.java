package org.arcc.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arcc.disclosure.DisclosureRule;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** How figures are aggregated, suppressed and derived: plain rules, no service. */
@UnitTest
class FiguresRulesTest {

    static final Geography PAKISTAN = new Geography(cells());

    static Map<String, String> cells() {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("ISB", "PK-IS");
        cells.put("KHI", "PK-SD");
        cells.put("LHE-1", "PK-PB");
        cells.put("LHE-2", "PK-PB");
        cells.put("MUX", "PK-PB");
        cells.put("RWP", "PK-PB");
        return cells;
    }

    static Figures figures(List<CaseRecord> cases, String from, String to, Optional<String> exactCell) {
        Tally tally = new Tally();
        cases.forEach(c -> ReportCatalog.tally(c, tally));
        return new Figures(PAKISTAN, new Periods(YearMonth.parse(from), YearMonth.parse(to)), tally,
                new DisclosureRule(5), exactCell);
    }

    static Figure find(List<Figure> figures, String geo, String period, String category) {
        return figures.stream().filter(f -> f.geography().equals(geo) && f.period().equals(period)
                && f.category().equals(category)).findFirst().orElseThrow();
    }

    static List<CaseRecord> many(int n, ACase template) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> template.build()).toList();
    }

    @Test
    void countsAddUpFromCellAndMonthToProvinceNationQuarterAndYear() {
        List<CaseRecord> cases = new java.util.ArrayList<>();
        cases.addAll(many(7, ACase.arrived("KHI", "2026-01")));
        cases.addAll(many(6, ACase.arrived("KHI", "2026-02")));
        cases.addAll(many(8, ACase.arrived("LHE-1", "2026-01")));
        cases.addAll(many(5, ACase.arrived("MUX", "2026-03")));
        List<Figure> table = figures(cases, "2026-01", "2026-03", Optional.empty())
                .of(ReportCatalog.table("survivors-by-age-band").orElseThrow());

        Figure khiJan = find(table, "KHI", "2026-01", "ADULT_18_24");
        assertThat(khiJan.value()).isEqualTo(7L);
        assertThat(khiJan.geographyLevel()).isEqualTo(Geography.Level.CELL);
        assertThat(khiJan.periodLevel()).isEqualTo(Periods.Level.MONTH);
        assertThat(khiJan.display()).isEqualTo("7");
        assertThat(find(table, "PK-SD", "2026-Q1", "TOTAL").value()).isEqualTo(13L);
        assertThat(find(table, "PK-PB", "2026-01", "TOTAL").value()).isEqualTo(8L);
        assertThat(find(table, "PK", "2026", "TOTAL").value()).isEqualTo(26L);
        assertThat(find(table, "PK", "2026-Q1", "TOTAL").periodLevel()).isEqualTo(Periods.Level.QUARTER);
        assertThat(find(table, "PK", "2026", "TOTAL").periodLevel()).isEqualTo(Periods.Level.YEAR);
        assertThat(find(table, "ISB", "2026-02", "TOTAL").value()).as("zero is published").isEqualTo(0L);
    }

    @Test
    void aSmallCountIsSuppressedAndShownAsLessThanK() {
        List<CaseRecord> cases = new java.util.ArrayList<>(many(9, ACase.arrived("KHI", "2026-01")));
        cases.addAll(many(2, ACase.arrived("KHI", "2026-01").child()));
        List<Figure> table = figures(cases, "2026-01", "2026-01", Optional.empty())
                .of(ReportCatalog.table("survivors-by-age-band").orElseThrow());

        Figure children = find(table, "KHI", "2026-01", "CHILD_12_17");
        assertThat(children.suppressed()).isTrue();
        assertThat(children.value()).isNull();
        assertThat(children.display()).isEqualTo("< 5");
    }

    @Test
    void aCellSupervisorSeesTheirOwnCellExactly() {
        List<CaseRecord> cases = new java.util.ArrayList<>(many(2, ACase.arrived("KHI", "2026-01").child()));
        cases.addAll(many(2, ACase.arrived("MUX", "2026-01").child()));
        List<Figure> table = figures(cases, "2026-01", "2026-01", Optional.of("KHI"))
                .of(ReportCatalog.table("survivors-by-age-band").orElseThrow());

        assertThat(find(table, "KHI", "2026-01", "CHILD_12_17").value()).isEqualTo(2L);
        assertThat(find(table, "MUX", "2026-01", "CHILD_12_17").suppressed()).isTrue();
    }

    @Test
    void examShareMedianAndP90ArePublishedOverAtLeastKExams() {
        List<CaseRecord> cases = new java.util.ArrayList<>();
        for (double hours : new double[] { 1, 2, 3, 4, 5, 7, 8, 9, 10, 30 }) {
            cases.add(ACase.arrived("KHI", "2026-01").examAfterHours(hours).build());
        }
        cases.addAll(List.of(ACase.arrived("MUX", "2026-01").examAfterHours(2).build(),
                ACase.arrived("MUX", "2026-01").examAfterHours(3).build()));
        List<Figure> table = figures(cases, "2026-01", "2026-01", Optional.empty())
                .of(ReportCatalog.table("deadline-compliance").orElseThrow());

        assertThat(find(table, "KHI", "2026-01", "EXAM_WITHIN_6H").value()).isEqualTo(5L);
        Figure share = find(table, "KHI", "2026-01", "EXAM_WITHIN_6H_SHARE");
        assertThat(share.display()).isEqualTo("50.0");
        assertThat(share.unit()).isEqualTo(ReportTable.Unit.PERCENT);
        assertThat(find(table, "KHI", "2026-01", "EXAM_HOURS_MEDIAN").display()).isEqualTo("5.0");
        assertThat(find(table, "KHI", "2026-01", "EXAM_HOURS_P90").display()).isEqualTo("10.0");
        assertThat(find(table, "MUX", "2026-01", "EXAM_HOURS_MEDIAN").suppressed())
                .as("a median over fewer than k exams").isTrue();
        assertThat(find(table, "MUX", "2026-01", "EXAM_WITHIN_6H_SHARE").suppressed()).isTrue();
    }

    @Test
    void dnaSamplesAreLateAfter72HoursAndFirsAfter24() {
        List<CaseRecord> cases = new java.util.ArrayList<>();
        cases.addAll(many(5, ACase.arrived("KHI", "2026-01").dnaToLabAfterHours(24).firAfterHours(12)));
        cases.addAll(many(5, ACase.arrived("KHI", "2026-01").dnaToLabAfterHours(80).firAfterHours(30)));
        List<Figure> table = figures(cases, "2026-01", "2026-01", Optional.empty())
                .of(ReportCatalog.table("deadline-compliance").orElseThrow());

        assertThat(find(table, "KHI", "2026-01", "DNA_TO_LAB_WITHIN_72H").value()).isEqualTo(5L);
        assertThat(find(table, "KHI", "2026-01", "DNA_TO_LAB_LATE").value()).isEqualTo(5L);
        assertThat(find(table, "KHI", "2026-01", "DNA_TO_LAB_WITHIN_72H_SHARE").display()).isEqualTo("50.0");
        assertThat(find(table, "KHI", "2026-01", "FIR_WITHIN_24H").value()).isEqualTo(5L);
        assertThat(find(table, "KHI", "2026-01", "FIR_REGISTERED").value()).isEqualTo(10L);
    }

    @Test
    void medicoLegalReportsAreCountedInTheMonthOfArrivalWithOverridesAmendmentsAndHoursFromExamToSignature() {
        List<CaseRecord> cases = new java.util.ArrayList<>();
        double[] hours = { 2, 4, 6, 8, 10, 12, 14, 16, 18, 720 };
        for (int i = 0; i < hours.length; i++) {
            ACase c = ACase.arrived("KHI", "2026-01");
            if (i % 2 == 0) {
                c.reportSignedAfterHours(hours[i], "SIX_HOUR_LIMIT");
                c.reportAmended();
            } else {
                c.reportSignedAfterHours(hours[i]);
            }
            cases.add(c.build());
        }
        cases.addAll(List.of(ACase.arrived("MUX", "2026-01").reportSignedAfterHours(3).build(),
                ACase.arrived("MUX", "2026-01").reportSignedAfterHours(5).build()));
        List<Figure> table = figures(cases, "2026-01", "2026-02", Optional.empty())
                .of(ReportCatalog.table("medico-legal-reports").orElseThrow());

        assertThat(find(table, "KHI", "2026-01", "SIGNED").value())
                .as("a report signed a month after arrival counts in the month of arrival").isEqualTo(10L);
        assertThat(find(table, "KHI", "2026-02", "SIGNED").value()).isEqualTo(0L);
        assertThat(find(table, "KHI", "2026-01", "SIGNED_WITH_OVERRIDE").value()).isEqualTo(5L);
        assertThat(find(table, "KHI", "2026-01", "SIGNED_WITHOUT_OVERRIDE").value()).isEqualTo(5L);
        assertThat(find(table, "KHI", "2026-01", "SIGNED_WITH_OVERRIDE_SHARE").display()).isEqualTo("50.0");
        assertThat(find(table, "KHI", "2026-01", "AMENDED").value())
                .as("an amendment is its own count, never a second signature").isEqualTo(5L);
        Figure median = find(table, "KHI", "2026-01", "SIGN_HOURS_MEDIAN");
        assertThat(median.display()).isEqualTo("10.0");
        assertThat(median.unit()).isEqualTo(ReportTable.Unit.HOURS);
        assertThat(find(table, "KHI", "2026-01", "SIGN_HOURS_P90").display()).isEqualTo("18.0");
        assertThat(find(table, "MUX", "2026-01", "SIGNED").suppressed()).isTrue();
        assertThat(find(table, "MUX", "2026-01", "SIGN_HOURS_MEDIAN").suppressed())
                .as("a median over fewer than k signed reports").isTrue();
    }
}
