package org.arcc.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.arcc.disclosure.Cell;
import org.arcc.disclosure.CountTable;
import org.arcc.disclosure.Disclosure;
import org.arcc.disclosure.DisclosureRule;
import org.arcc.disclosure.Hierarchy;
import org.arcc.disclosure.TableProtection;

/**
 * The figures of a period, every table at once: counts by cell and month with their province, national, quarter
 * and year totals, protected together (every group of every table is one linked disclosure table, groups of one
 * population sharing their totals), then the derived figures, published only over published counts of at least k.
 * A cell supervisor's own cell is known to them: its figures are exact, and the protection of everyone else's
 * assumes the viewer knows them.
 */
public final class Figures {

    private final Geography geography;
    private final Periods periods;
    private final Tally tally;
    private final DisclosureRule rule;
    private final Disclosure disclosure;
    private final Hierarchy geographyDimension;
    private final Hierarchy periodDimension;

    public Figures(Geography geography, Periods periods, Tally tally, DisclosureRule rule, Optional<String> exactCell) {
        this.geography = geography;
        this.periods = periods;
        this.tally = tally;
        this.rule = rule;
        this.geographyDimension = geographyDimension(geography);
        this.periodDimension = periodDimension(periods);
        List<CountTable> tables = new ArrayList<>();
        for (Group group : ReportCatalog.groups()) {
            tables.add(countTable(group));
        }
        Predicate<Cell> known = cell -> exactCell.isPresent() && exactCell.get().equals(cell.codes().get(0));
        this.disclosure = TableProtection.protect(tables, rule, known);
    }

    public int k() {
        return rule.k();
    }

    /** Every figure of a table: cells, provinces, nation × months, quarters, years × its categories. */
    public List<Figure> of(ReportTable table) {
        List<Figure> figures = new ArrayList<>();
        for (String geo : geography.codes()) {
            for (String period : periods.codes()) {
                Map<String, Figure> byCode = new HashMap<>();
                for (Group group : table.groups()) {
                    for (String code : group.codes()) {
                        Figure count = count(group, geo, period, code);
                        Figure seen = byCode.get(code);
                        // A code two groups share (DECIDED) is one figure: suppressed if either group suppresses it.
                        if (seen == null || (count.suppressed() && !seen.suppressed())) {
                            byCode.put(code, count);
                        }
                    }
                }
                for (ReportTable.Derived derived : table.derived()) {
                    byCode.put(derived.code(), derived(derived, geo, period));
                }
                for (String code : table.categories()) {
                    figures.add(byCode.get(code));
                }
            }
        }
        return figures;
    }

    /** Whether a count is suppressed, for tests and exports. */
    public boolean suppressed(Group group, String geo, String period, String code) {
        return disclosure.suppressed(cellOf(group, geo, period, code));
    }

    private Figure count(Group group, String geo, String period, String code) {
        long value = tally.value(geography, group, geo, period, code);
        if (suppressed(group, geo, period, code)) {
            return hidden(geo, period, code, null);
        }
        return new Figure(geo, geography.levelOf(geo), period, Periods.levelOf(period), code, value, false,
                Long.toString(value), null);
    }

    private Figure derived(ReportTable.Derived d, String geo, String period) {
        Group group = d.group();
        long base = tally.value(geography, group, geo, period, d.base());
        boolean publishable = base >= rule.k() && !suppressed(group, geo, period, d.base());
        if (publishable && d.unit() == ReportTable.Unit.PERCENT) {
            publishable = !suppressed(group, geo, period, d.numerator());
        }
        List<Double> samples = d.metric() == null ? List.of() : tally.samples(geography, d.metric(), geo, period);
        if (d.unit() == ReportTable.Unit.HOURS && samples.isEmpty()) {
            publishable = false;
        }
        if (!publishable) {
            return hidden(geo, period, d.code(), d.unit());
        }
        BigDecimal value = d.unit() == ReportTable.Unit.PERCENT
                ? BigDecimal.valueOf(100.0 * tally.value(geography, group, geo, period, d.numerator()) / base)
                : BigDecimal.valueOf(Tally.quantile(samples, d.quantile()));
        value = value.setScale(1, RoundingMode.HALF_UP);
        return new Figure(geo, geography.levelOf(geo), period, Periods.levelOf(period), d.code(), value, false,
                value.toPlainString(), d.unit());
    }

    private Figure hidden(String geo, String period, String code, ReportTable.Unit unit) {
        return new Figure(geo, geography.levelOf(geo), period, Periods.levelOf(period), code, null, true,
                "< " + rule.k(), unit);
    }

    private Cell cellOf(Group group, String geo, String period, String code) {
        return group.isSingle() ? new Cell(group.id(), List.of(geo, period))
                : new Cell(group.id(), List.of(geo, period, code));
    }

    private CountTable countTable(Group group) {
        List<Hierarchy> dimensions = new ArrayList<>(List.of(geographyDimension, periodDimension));
        if (!group.isSingle()) {
            Hierarchy.Builder categories = Hierarchy.of("category", group.total());
            group.categories().forEach(c -> categories.add(group.total(), c));
            dimensions.add(categories.build());
        }
        CountTable table = new CountTable(group.id(), group.population(), dimensions);
        tally.leaves().forEach((leaf, n) -> {
            if (leaf.group().equals(group.id()) && geography.isCell(leaf.cell()) && periods.covers(leaf.month())) {
                table.count(group.isSingle() ? List.of(leaf.cell(), leaf.month())
                        : List.of(leaf.cell(), leaf.month(), leaf.category()), n);
            }
        });
        return table;
    }

    private static Hierarchy geographyDimension(Geography geography) {
        Hierarchy.Builder builder = Hierarchy.of("geography", Geography.NATIONAL);
        geography.provinces().forEach(p -> builder.add(Geography.NATIONAL, p));
        geography.cells().forEach(c -> builder.add(geography.provinceOf(c), c));
        return builder.build();
    }

    /**
     * Months under quarters under years. A range over several years has a root above them that is never
     * published (the library treats it as published, which only makes the protection stricter).
     */
    private static Hierarchy periodDimension(Periods periods) {
        List<String> years = periods.years();
        String root = years.size() == 1 ? years.get(0) : periods.from() + "/" + periods.to();
        Hierarchy.Builder builder = Hierarchy.of("period", root);
        if (years.size() > 1) {
            years.forEach(y -> builder.add(root, y));
        }
        periods.quarters().forEach(q -> builder.add(q.substring(0, 4), q));
        periods.months().forEach(m -> builder.add(Periods.quarterOf(m), m));
        return builder.build();
    }
}
