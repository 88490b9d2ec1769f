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

    private final Map<Leaf, Long> counts = new HashMap<>();
    private final Map<Place, List<Double>> samples = new HashMap<>();

    public void count(Group group, String cell, String month, String category) {
        counts.merge(new Leaf(group.id(), cell, month, group.isSingle() ? group.total() : group.categoryOf(category)),
                1L, Long::sum);
    }

    public void sample(String metric, String cell, String month, double hours) {
        samples.computeIfAbsent(new Place(metric, cell, month), p -> new ArrayList<>()).add(hours);
    }

    public Map<Leaf, Long> leaves() {
        return Map.copyOf(counts);
    }

    /** The count of {@code code} (a category or the group's total) over a geography and a period of any level. */
    public long value(Geography geography, Group group, String geo, String period, String code) {
        long sum = 0;
        for (Map.Entry<Leaf, Long> e : counts.entrySet()) {
            Leaf leaf = e.getKey();
            if (leaf.group().equals(group.id()) && (code.equals(group.total()) || code.equals(leaf.category()))
                    && geography.contains(geo, leaf.cell()) && Periods.contains(period, leaf.month())) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** The durations of a metric over a geography and a period of any level. */
    public List<Double> samples(Geography geography, String metric, String geo, String period) {
        List<Double> values = new ArrayList<>();
        samples.forEach((place, list) -> {
            if (place.metric().equals(metric) && geography.contains(geo, place.cell())
                    && Periods.contains(period, place.month())) {
                values.addAll(list);
            }
        });
        return values;
    }

    /** The {@code q}-quantile by nearest rank (the median is 0.5: the middle value, or the lower of the two). */
    public static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
