package org.arcc.disclosure;

import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Decides which cells of linked count tables may be published. */
public final class TableProtection {

    private TableProtection() {
    }

    public static Disclosure protect(List<CountTable> linkedTables, DisclosureRule rule) {
        return protect(linkedTables, rule, cell -> false);
    }

    /**
     * @param knownToViewer cells the viewer already knows exactly (a cell supervisor's own cell): never
     *                      suppressed, and counted as known by the attacker
     */
    public static Disclosure protect(List<CountTable> linkedTables, DisclosureRule rule, Predicate<Cell> knownToViewer) {
        return protect(linkedTables, rule, knownToViewer, true);
    }

    /** Primary suppression alone: unsafe, only for showing that the attacker's audit catches it. */
    static Disclosure primaryOnly(List<CountTable> linkedTables, DisclosureRule rule, Predicate<Cell> knownToViewer) {
        return protect(linkedTables, rule, knownToViewer, false);
    }

    private static Disclosure protect(List<CountTable> linkedTables, DisclosureRule rule, Predicate<Cell> knownToViewer,
                                      boolean complementary) {
        LinkedFigures figures = new LinkedFigures(linkedTables);
        boolean[] known = figures.knownTo(knownToViewer);
        CellStatus[] status = new CellStatus[figures.figureCount()];
        for (int f = 0; f < status.length; f++) {
            status[f] = !known[f] && rule.isSmall(figures.value[f]) ? CellStatus.PRIMARY : CellStatus.PUBLISHED;
        }
        if (complementary) {
            new ComplementarySuppression(figures, rule, known, status).protectAll();
        }
        Set<String> ids = new HashSet<>();
        linkedTables.forEach(table -> ids.add(table.id()));
        Map<Cell, CellStatus> suppressed = new LinkedHashMap<>();
        for (int f = 0; f < status.length; f++) {
            if (status[f] != CellStatus.PUBLISHED) {
                for (Cell cell : figures.cellsOf.get(f)) {
                    suppressed.put(cell, status[f]);
                }
            }
        }
        return new Disclosure(ids, suppressed);
    }
}
