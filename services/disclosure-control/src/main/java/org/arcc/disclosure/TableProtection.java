package org.arcc.disclosure;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
        Set<String> ids = new HashSet<>();
        Map<Cell, CellStatus> suppressed = new LinkedHashMap<>();
        for (CountTable table : linkedTables) {
            ids.add(table.id());
            for (List<String> codes : table.combinations()) {
                Cell cell = new Cell(table.id(), codes);
                if (!knownToViewer.test(cell) && rule.isSmall(table.value(codes))) {
                    suppressed.put(cell, CellStatus.PRIMARY);
                }
            }
        }
        return new Disclosure(ids, suppressed);
    }
}
