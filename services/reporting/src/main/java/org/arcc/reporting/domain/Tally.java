package org.arcc.reporting.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per group, cell, month and category, and the durations (hours) behind medians and percentiles, as the
 * {@link ReportCatalog} tallies counted cases. Totals over cells, months and categories are computed from these
 * leaves, never stored.
 */
public final class Tally {

    /** A leaf count: one group's category in one cell and month ({@code category} is the total for single groups). */
    public record Leaf(String group, String cell, String month, String category) {
    }

    private record Place(String metric, String cell, String month) {
    }

    /** A sum over a geography and a period of any level: one category's, or the whole group's ({@link #ALL}). */
    private record Total(String group, String geo, String period, String category) {
    }

    private record Durations(String metric, String geo, String period) {
    }

    /** Stands for every category of a group in a {@link Total}. */
    private static final String ALL = "*";

    private final Map<Leaf, Long> counts = new HashMap<>();
    private final Map<Place, List<Double>> samples = new HashMap<>();
    /**
     * Every sum a figure may ask for, computed once from the leaves for one geography (each leaf adds to its
     * cell, province and nation × its month, quarter and year): a figure is then one lookup, not a pass over every
     * leaf. Forgotten when a leaf or sample is added.
     */
    private Geography indexedFor;
    private Map<Total, Long> totals;
    private Map<Durations, List<Double>> durations;

    public void count(Group group, String cell, String month, String category) {
        counts.merge(new Leaf(group.id(), cell, month, group.isSingle() ? group.total() : group.categoryOf(category)),
                1L, Long::sum);
        indexedFor = null;
    }

    public void sample(String metric, String cell, String month, double hours) {
        samples.computeIfAbsent(new Place(metric, cell, month), p -> new ArrayList<>()).add(hours);
        indexedFor = null;
    }

    public Map<Leaf, Long> leaves() {
        return Map.copyOf(counts);
    }

    /** The count of {@code code} (a category or the group's total) over a geography and a period of any level. */
    public long value(Geography geography, Group group, String geo, String period, String code) {
        index(geography);
        String category = code.equals(group.total()) ? ALL : code;
        return totals.getOrDefault(new Total(group.id(), geo, period, category), 0L);
    }

    /** The durations of a metric over a geography and a period of any level. */
    public List<Double> samples(Geography geography, String metric, String geo, String period) {
        index(geography);
        return new ArrayList<>(durations.getOrDefault(new Durations(metric, geo, period), List.of()));
    }

    private void index(Geography geography) {
        if (indexedFor == geography) {
            return;
        }
        totals = new HashMap<>();
        counts.forEach((leaf, n) -> {
            for (String geo : geographiesOf(geography, leaf.cell())) {
                for (String period : periodsOf(leaf.month())) {
                    totals.merge(new Total(leaf.group(), geo, period, ALL), n, Long::sum);
                    totals.merge(new Total(leaf.group(), geo, period, leaf.category()), n, Long::sum);
                }
            }
        });
        durations = new HashMap<>();
        samples.forEach((place, list) -> {
            for (String geo : geographiesOf(geography, place.cell())) {
                for (String period : periodsOf(place.month())) {
                    durations.computeIfAbsent(new Durations(place.metric(), geo, period), d -> new ArrayList<>())
                            .addAll(list);
                }
            }
        });
        indexedFor = geography;
    }

    /** The geographies whose figures include what is counted in a cell ({@link Geography#contains}). */
    private static List<String> geographiesOf(Geography geography, String cell) {
        List<String> codes = new ArrayList<>(3);
        codes.add(cell);
        String province = geography.provinceOf(cell);
        if (province != null && !codes.contains(province)) {
            codes.add(province);
        }
        if (!codes.contains(Geography.NATIONAL)) {
            codes.add(Geography.NATIONAL);
        }
        return codes;
    }

    /** The periods whose figures include a month ({@link Periods#contains}). */
    private static List<String> periodsOf(String month) {
        return List.of(month, Periods.quarterOf(month), Periods.yearOf(month));
    }

    /** The {@code q}-quantile by nearest rank (the median is 0.5: the middle value, or the lower of the two). */
    public static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
