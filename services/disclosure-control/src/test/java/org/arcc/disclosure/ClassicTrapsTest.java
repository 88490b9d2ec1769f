package org.arcc.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The traps every disclosure-control method must survive, each shown twice: primary suppression alone falls into it
 * (the attacker works the small count out), complementary suppression does not.
 */
@Tag("unit")
class ClassicTrapsTest {

    private static final DisclosureRule RULE = new DisclosureRule(5);
    private static final Predicate<Cell> NOTHING_KNOWN = cell -> false;

    private static final Hierarchy AGE = PakistanTables.categories("age-band", "0-11", "12-17", "18-24", "25+");

    /** Survivors by cell and age band in one month: rows are cells (with province and national totals). */
    private static CountTable byCellAndAge(long[][] counts) {
        CountTable table = new CountTable("survivors-by-age-band", "survivors", List.of(PakistanTables.geography(), AGE));
        List<String> bands = AGE.childrenOf("TOTAL");
        for (int c = 0; c < counts.length; c++) {
            for (int a = 0; a < bands.size(); a++) {
                table.count(List.of(PakistanTables.CELLS.get(c), bands.get(a)), counts[c][a]);
            }
        }
        return table;
    }

    private static Cell cell(String geography, String band) {
        return new Cell("survivors-by-age-band", List.of(geography, band));
    }

    @Test
    void a_single_small_count_in_a_row_is_the_row_total_minus_the_published_rest() {
        // ISB, KHI, LHE-1, LHE-2, MUX, RWP × 0-11, 12-17, 18-24, 25+
        List<CountTable> tables = List.of(byCellAndAge(new long[][] {
                {9, 12, 20, 31}, {15, 22, 40, 57}, {3, 14, 25, 30}, {11, 16, 28, 35}, {10, 13, 22, 29}, {12, 17, 26, 33}}));

        Map<Cell, Attacker.Interval> primaryOnly = Attacker.bounds(tables,
                TableProtection.primaryOnly(tables, RULE, NOTHING_KNOWN), NOTHING_KNOWN);
        assertThat(primaryOnly.get(cell("LHE-1", "0-11"))).isEqualTo(new Attacker.Interval(3, 3));

        Disclosure disclosure = TableProtection.protect(tables, RULE);
        assertThat(disclosure.status(cell("LHE-1", "0-11"))).isEqualTo(CellStatus.PRIMARY);
        assertThat(disclosure.suppressedCells()).hasSizeGreaterThan(1);
        assertThat(Attacker.unprotected(tables, disclosure, NOTHING_KNOWN, RULE)).isEmpty();
    }

    @Test
    void two_small_counts_in_the_same_two_rows_and_columns_pin_each_other() {
        // LHE-1 and LHE-2 both have small 0-11 and 12-17 counts: the rectangle moves ±t, but only as far as every
        // corner stays ≥ 1, so 1s in all four corners are recovered exactly.
        List<CountTable> tables = List.of(byCellAndAge(new long[][] {
                {9, 12, 20, 31}, {15, 22, 40, 57}, {1, 1, 25, 30}, {1, 1, 28, 35}, {10, 13, 22, 29}, {12, 17, 26, 33}}));

        Disclosure primaryOnly = TableProtection.primaryOnly(tables, RULE, NOTHING_KNOWN);
        Map<Cell, Attacker.Interval> bounds = Attacker.bounds(tables, primaryOnly, NOTHING_KNOWN);
        assertThat(bounds.get(cell("LHE-1", "0-11"))).isEqualTo(new Attacker.Interval(1, 1));
        assertThat(Attacker.unprotected(tables, primaryOnly, NOTHING_KNOWN, RULE)).containsKeys(
                cell("LHE-1", "0-11"), cell("LHE-1", "12-17"), cell("LHE-2", "0-11"), cell("LHE-2", "12-17"));

        Disclosure disclosure = TableProtection.protect(tables, RULE);
        assertThat(Attacker.unprotected(tables, disclosure, NOTHING_KNOWN, RULE)).isEmpty();
    }

    @Test
    void a_total_equal_to_its_only_part_gives_the_part_away() {
        // Islamabad is the only cell of PK-IS and Karachi the only one of PK-SD: a province figure is its cell's.
        List<CountTable> tables = List.of(byCellAndAge(new long[][] {
                {2, 12, 20, 31}, {15, 3, 40, 57}, {8, 14, 25, 30}, {11, 16, 28, 35}, {10, 13, 22, 29}, {12, 17, 26, 33}}));

        Disclosure primaryOnly = TableProtection.primaryOnly(tables, RULE, NOTHING_KNOWN);
        assertThat(primaryOnly.status(cell("PK-IS", "0-11"))).isEqualTo(CellStatus.PRIMARY);
        assertThat(Attacker.unprotected(tables, primaryOnly, NOTHING_KNOWN, RULE)).containsKeys(
                cell("ISB", "0-11"), cell("PK-IS", "0-11"), cell("KHI", "12-17"), cell("PK-SD", "12-17"));

        Disclosure disclosure = TableProtection.protect(tables, RULE);
        assertThat(Attacker.unprotected(tables, disclosure, NOTHING_KNOWN, RULE)).isEmpty();
    }

    @Test
    void published_zeros_pin_a_small_province_to_its_only_non_zero_cell() {
        // Only LHE-1 had survivors aged 0-11 in Punjab: PK-PB 0-11 = LHE-1 0-11 = 3 since the other cells show 0.
        List<CountTable> tables = List.of(byCellAndAge(new long[][] {
                {9, 12, 20, 31}, {15, 22, 40, 57}, {3, 14, 25, 30}, {0, 16, 28, 35}, {0, 13, 22, 29}, {0, 17, 26, 33}}));

        Disclosure disclosure = TableProtection.protect(tables, RULE);
        assertThat(disclosure.status(cell("PK-PB", "0-11"))).isEqualTo(CellStatus.PRIMARY);
        assertThat(disclosure.status(cell("LHE-2", "0-11"))).isEqualTo(CellStatus.PUBLISHED);
        assertThat(Attacker.unprotected(tables, disclosure, NOTHING_KNOWN, RULE)).isEmpty();
        assertThat(Attacker.unprotected(tables, TableProtection.primaryOnly(tables, RULE, NOTHING_KNOWN),
                NOTHING_KNOWN, RULE)).containsKeys(cell("LHE-1", "0-11"), cell("PK-PB", "0-11"));
    }

    @Test
    void a_supervisor_who_knows_its_own_cell_cannot_work_out_a_neighbour_in_its_province() {
        // LHE-2 has 3 survivors aged 0-11. Hiding it with LHE-1's 6 (the cheapest partner) is safe from an analyst,
        // but LHE-1's supervisor knows the 6 and subtracts.
        List<CountTable> tables = List.of(byCellAndAge(new long[][] {
                {9, 12, 20, 31}, {15, 22, 40, 57}, {6, 14, 25, 30}, {3, 16, 28, 35}, {40, 13, 22, 29}, {52, 17, 26, 33}}));
        Predicate<Cell> lahore1Supervisor = c -> c.codes().get(0).equals("LHE-1");

        Disclosure forAnalysts = TableProtection.protect(tables, RULE);
        assertThat(Attacker.unprotected(tables, forAnalysts, NOTHING_KNOWN, RULE)).isEmpty();
        assertThat(Attacker.unprotected(tables, forAnalysts, lahore1Supervisor, RULE))
                .as("the analysts' pattern leans on LHE-1, which its supervisor knows").containsKey(cell("LHE-2", "0-11"));

        Disclosure forSupervisor = TableProtection.protect(tables, RULE, lahore1Supervisor);
        assertThat(forSupervisor.suppressedCells()).noneMatch(lahore1Supervisor);
        assertThat(forSupervisor.status(cell("LHE-2", "0-11"))).isEqualTo(CellStatus.PRIMARY);
        assertThat(Attacker.unprotected(tables, forSupervisor, lahore1Supervisor, RULE)).isEmpty();
    }

    @Test
    void zero_is_published_and_a_cell_the_viewer_knows_is_never_suppressed() {
        List<CountTable> tables = List.of(byCellAndAge(new long[][] {
                {0, 12, 20, 31}, {15, 22, 40, 57}, {2, 14, 25, 30}, {11, 16, 28, 35}, {10, 13, 22, 29}, {12, 17, 26, 33}}));
        Predicate<Cell> lahore1Supervisor = c -> c.codes().get(0).equals("LHE-1");

        assertThat(TableProtection.protect(tables, RULE).status(cell("ISB", "0-11"))).isEqualTo(CellStatus.PUBLISHED);
        Disclosure forSupervisor = TableProtection.protect(tables, RULE, lahore1Supervisor);
        assertThat(forSupervisor.status(cell("LHE-1", "0-11"))).isEqualTo(CellStatus.PUBLISHED);
        assertThat(Attacker.unprotected(tables, forSupervisor, lahore1Supervisor, RULE)).isEmpty();
    }
}
