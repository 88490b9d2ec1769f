package org.arcc.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What may be published: the status of every cell of the protected tables. */
public final class Disclosure {

    private final Map<Cell, CellStatus> suppressed;
    private final Set<String> tableIds;

    Disclosure(Set<String> tableIds, Map<Cell, CellStatus> suppressed) {
        this.tableIds = Set.copyOf(tableIds);
        this.suppressed = Collections.unmodifiableMap(new LinkedHashMap<>(suppressed));
    }

    public CellStatus status(Cell cell) {
        if (!tableIds.contains(cell.tableId())) {
            throw new IllegalArgumentException("not a protected table: " + cell.tableId());
        }
        return suppressed.getOrDefault(cell, CellStatus.PUBLISHED);
    }

    public boolean suppressed(Cell cell) {
        return status(cell) != CellStatus.PUBLISHED;
    }

    /** Every suppressed cell, primary and complementary. */
    public Set<Cell> suppressedCells() {
        return suppressed.keySet();
    }

    /** Suppressed cells with their reason (for the publisher and tests; never shown to readers). */
    public Map<Cell, CellStatus> statuses() {
        return suppressed;
    }
}
