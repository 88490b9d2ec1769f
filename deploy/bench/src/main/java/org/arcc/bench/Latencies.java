package org.arcc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Durations in milliseconds and their nearest-rank percentiles. */
final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    void add(double value) {
        millis.add(value);
    }

    int count() {
        return millis.size();
    }

    /** Nearest rank: the smallest value with at least {@code p} percent of the values at or below it. */
    double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double max() {
        return percentile(100);
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }
}
