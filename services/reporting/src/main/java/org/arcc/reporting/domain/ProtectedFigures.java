package org.arcc.reporting.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The published figures of every table for one period and viewer, as protected: counts, shares and hours, each
 * shown or suppressed. What the reporting service keeps between requests; it holds no case, no date and no
 * duration of one survivor, only what any request with the same key would be shown.
 */
public final class ProtectedFigures {

    private final int k;
    private final Map<String, List<Figure>> byTable;
    private final int size;

    private ProtectedFigures(int k, Map<String, List<Figure>> byTable) {
        this.k = k;
        this.byTable = byTable;
        this.size = byTable.values().stream().mapToInt(List::size).sum();
    }

    /** Every table's figures, taken from the protection of them all together. */
    public static ProtectedFigures of(Figures figures) {
        Map<String, List<Figure>> byTable = new HashMap<>();
        for (ReportTable table : ReportCatalog.tables()) {
            byTable.put(table.id(), List.copyOf(figures.of(table)));
        }
        return new ProtectedFigures(figures.k(), Map.copyOf(byTable));
    }

    public int k() {
        return k;
    }

    public List<Figure> of(ReportTable table) {
        List<Figure> figures = byTable.get(table.id());
        if (figures == null) {
            throw new IllegalArgumentException("No table " + table.id());
        }
        return figures;
    }

    /** How many figures it holds: what the cache is bounded by. */
    public int size() {
        return size;
    }
}
