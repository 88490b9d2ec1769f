package org.arcc.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The attacker's warm-started simplex finds the same bounds as Commons Math's SimplexSolver solving each LP anew. */
@Tag("unit")
class AttackerSolverAgreementTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101})
    void same_bounds_as_commons_math(long seed) {
        List<CountTable> tables = PakistanTables.firstQuarter(seed, 10, 1);
        for (Disclosure disclosure : List.of(TableProtection.protect(tables, new DisclosureRule()),
                TableProtection.primaryOnly(tables, new DisclosureRule(), cell -> false))) {
            Map<Cell, Attacker.Interval> ours = Attacker.bounds(tables, disclosure, cell -> false);
            Map<Cell, Attacker.Interval> commonsMath = Attacker.boundsByCommonsMath(tables, disclosure, cell -> false);

            assertThat(ours.keySet()).isEqualTo(commonsMath.keySet()).isEqualTo(disclosure.suppressedCells());
            ours.forEach((cell, interval) -> {
                Attacker.Interval expected = commonsMath.get(cell);
                assertThat(interval.lower()).as("lower bound of %s", cell).isCloseTo(expected.lower(), within(1e-6));
                if (Double.isInfinite(expected.upper())) {
                    assertThat(interval.upper()).as("upper bound of %s", cell).isInfinite();
                } else {
                    assertThat(interval.upper()).as("upper bound of %s", cell).isCloseTo(expected.upper(), within(1e-6));
                }
            });
        }
    }
}
