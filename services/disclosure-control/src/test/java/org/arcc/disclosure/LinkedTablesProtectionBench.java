package org.arcc.disclosure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * How long protecting a year of the reporting service's linked tables takes (10 geography codes × 17 periods ×
 * 7 categories × 4 tables), and how much it suppresses. Prints; asserts nothing about time.
 * {@code ./mvnw -o -q -Pbench -pl services/disclosure-control test}
 */
class LinkedTablesProtectionBench {

    @Test
    void protect_a_year_of_four_linked_tables() {
        for (int maxPerCellMonth : new int[] {30, 60, 120}) {
            for (long seed = 1; seed <= 4; seed++) {
                List<CountTable> tables = PakistanTables.survivors(seed, maxPerCellMonth);
                long start = System.nanoTime();
                Disclosure disclosure = TableProtection.protect(tables, new DisclosureRule());
                long millis = (System.nanoTime() - start) / 1_000_000;
                Map<CellStatus, Long> byStatus = disclosure.statuses().values().stream()
                        .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
                long cells = tables.stream().mapToLong(t -> t.combinations().size()).sum();
                System.out.printf("up to %3d survivors per cell-month, seed %d: %4d ms; %d cells, %d primary, %d complementary%n",
                        maxPerCellMonth, seed, millis, cells, byStatus.getOrDefault(CellStatus.PRIMARY, 0L),
                        byStatus.getOrDefault(CellStatus.COMPLEMENTARY, 0L));
            }
        }
    }
}
