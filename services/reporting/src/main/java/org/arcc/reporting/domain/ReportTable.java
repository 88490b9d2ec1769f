package org.arcc.reporting.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table as the API publishes it: counts of one or more {@link Group}s, and figures derived from them (shares,
 * medians, 90th percentiles).
 *
 * @param category what its categories classify, e.g. {@code ageBand}
 */
public record ReportTable(String id, String title, String category, List<Group> groups, List<Derived> derived) {

    /** The unit of a derived figure. */
    public enum Unit {
        PERCENT, HOURS
    }

    /**
     * A figure computed from counts, published only when the counts it comes from are published and the one it
     * is computed over is at least k: a share of {@code numerator} in its group's total, or a quantile of the
     * durations of {@code metric}, which are as many as the count {@code base} of {@code group}.
     */
    public record Derived(String code, Unit unit, Group group, String numerator, String metric, String base,
            double quantile) {

        public static Derived share(String code, Group group, String numerator) {
            return new Derived(code, Unit.PERCENT, group, numerator, null, group.total(), 0);
        }

        public static Derived quantile(String code, Group group, String metric, double quantile) {
            return new Derived(code, Unit.HOURS, group, null, metric, group.total(), quantile);
        }
    }

    /** Category codes in the order the table lists them (a code shared by two groups, listed once). */
    public List<String> categories() {
        Set<String> codes = new LinkedHashSet<>();
        groups.forEach(g -> codes.addAll(g.codes()));
        derived.forEach(d -> codes.add(d.code()));
        return new ArrayList<>(codes);
    }
}
