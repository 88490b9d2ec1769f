package org.arcc.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DisclosureRuleTest {

    private final DisclosureRule rule = new DisclosureRule();

    @Test
    void counts_from_one_to_k_minus_one_are_small_and_zero_is_not() {
        assertThat(rule.k()).isEqualTo(5);
        assertThat(rule.isSmall(0)).isFalse();
        assertThat(rule.isSmall(1)).isTrue();
        assertThat(rule.isSmall(4)).isTrue();
        assertThat(rule.isSmall(5)).isFalse();
    }

    @Test
    void a_primary_cell_needs_bounds_reaching_k_and_k_values_wide() {
        assertThat(rule.protects(CellStatus.PRIMARY, 3, 1, 5)).isTrue();
        assertThat(rule.protects(CellStatus.PRIMARY, 3, 2, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(rule.protects(CellStatus.PRIMARY, 3, 1, 4)).as("never reaches k: shown to be small").isFalse();
        assertThat(rule.protects(CellStatus.PRIMARY, 4, 4, 7)).as("only 4 values possible").isFalse();
        assertThat(rule.protects(CellStatus.PRIMARY, 2, 2, 2)).as("exact").isFalse();
    }

    @Test
    void a_complementary_cell_must_not_be_exact() {
        assertThat(rule.protects(CellStatus.COMPLEMENTARY, 40, 39, 40)).isTrue();
        assertThat(rule.protects(CellStatus.COMPLEMENTARY, 40, 40, 40)).isFalse();
    }
}
