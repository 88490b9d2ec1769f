package org.arcc.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attacker's test (issue 14): on the reporting service's shapes — cells → provinces → PK, months → quarter →
 * year, a category dimension with its total, linked tables of one population sharing their geography × period
 * margins — with random small counts, the attacker's tightest bounds leave every suppressed cell its protection;
 * and the same attacker catches primary suppression alone.
 */
@Tag("unit")
class LinkedTablesAttackTest {

    private static final DisclosureRule RULE = new DisclosureRule();
    private static final Predicate<Cell> ANALYST = cell -> false;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void no_suppressed_count_of_one_table_can_be_narrowed(long seed) {
        List<CountTable> tables = PakistanTables.firstQuarter(seed, 12 + (int) (seed % 4) * 10, 1);

        Disclosure disclosure = TableProtection.protect(tables, RULE);

        assertThat(disclosure.statuses()).containsValue(CellStatus.PRIMARY);
        assertThat(Attacker.unprotected(tables, disclosure, ANALYST, RULE)).isEmpty();
        assertThat(Attacker.unprotected(tables, TableProtection.primaryOnly(tables, RULE, ANALYST), ANALYST, RULE))
                .as("primary suppression alone is caught").isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void no_suppressed_count_of_a_year_can_be_narrowed() {
        // 6 cells → 3 provinces → PK, 12 months → 4 quarters → 2026, 6 age bands + total: 1,190 figures.
        List<CountTable> tables = PakistanTables.survivors(1, 60, PakistanTables.year(), PakistanTables.MONTHS, 1);

        Disclosure disclosure = TableProtection.protect(tables, RULE);

        assertThat(disclosure.suppressedCells()).hasSizeGreaterThan(100);
        assertThat(Attacker.unprotected(tables, disclosure, ANALYST, RULE)).isEmpty();
        assertThat(Attacker.unprotected(tables, TableProtection.primaryOnly(tables, RULE, ANALYST), ANALYST, RULE))
                .as("primary suppression alone is caught").isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void no_suppressed_count_of_linked_tables_can_be_narrowed_by_combining_them(long seed) {
        List<CountTable> tables = PakistanTables.firstQuarter(seed, 25, 2);

        Disclosure disclosure = TableProtection.protect(tables, RULE);

        assertThat(Attacker.unprotected(tables, disclosure, ANALYST, RULE)).isEmpty();
        assertThat(Attacker.unprotected(tables, TableProtection.primaryOnly(tables, RULE, ANALYST), ANALYST, RULE))
                .as("primary suppression alone is caught").isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void tables_protected_one_by_one_give_each_other_away(long seed) {
        List<CountTable> tables = PakistanTables.firstQuarter(seed, 25, 2);
        Map<Cell, CellStatus> oneByOne = new java.util.LinkedHashMap<>();
        for (CountTable table : tables) {
            oneByOne.putAll(TableProtection.protect(List.of(table), RULE).statuses());
        }
        Disclosure separately = new Disclosure(java.util.Set.of(tables.get(0).id(), tables.get(1).id()), oneByOne);

        assertThat(Attacker.unprotected(tables, separately, ANALYST, RULE))
                .as("a margin hidden in one table but published in the other").isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32})
    void a_cell_supervisor_learns_nothing_more_about_the_other_cells(long seed) {
        List<CountTable> tables = PakistanTables.firstQuarter(seed, 25, 2);
        Predicate<Cell> lahore2Supervisor = cell -> cell.codes().get(0).equals("LHE-2");

        Disclosure disclosure = TableProtection.protect(tables, RULE, lahore2Supervisor);

        assertThat(disclosure.suppressedCells()).noneMatch(lahore2Supervisor);
        Map<Cell, Attacker.Interval> unprotected = Attacker.unprotected(tables, disclosure, lahore2Supervisor, RULE);
        assertThat(unprotected).isEmpty();
    }
}
