package org.arcc.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CountTableTest {

    private static CountTable byAge() {
        return new CountTable("survivors-by-age-band", "survivors",
                List.of(PakistanTables.geography(), PakistanTables.year(), PakistanTables.ageBands()));
    }

    @Test
    void totals_follow_the_leaves_in_every_dimension() {
        CountTable table = byAge();
        table.count(List.of("LHE-1", "2026-01", "12-17"), 2);
        table.count(List.of("MUX", "2026-02", "12-17"), 3);
        table.count(List.of("KHI", "2026-05", "18-24"), 4);

        assertThat(table.value(List.of("PK-PB", "2026-Q1", "12-17"))).isEqualTo(5);
        assertThat(table.value(List.of("PK", "2026", "TOTAL"))).isEqualTo(9);
        assertThat(table.value(List.of("PK-SD", "2026-Q2", "TOTAL"))).isEqualTo(4);
        assertThat(table.value(List.of("ISB", "2026", "TOTAL"))).isZero();
    }

    @Test
    void counts_go_to_leaves_of_known_codes_only() {
        CountTable table = byAge();
        assertThatThrownBy(() -> table.count(List.of("PK-PB", "2026-01", "12-17"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a leaf");
        assertThatThrownBy(() -> table.count(List.of("QTA", "2026-01", "12-17"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown code");
        assertThatThrownBy(() -> table.value(List.of("PK", "2026")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 dimensions");
    }

    @Test
    void linked_tables_must_agree_on_their_shared_margins() {
        CountTable byAge = byAge();
        CountTable bySex = new CountTable("survivors-by-sex-gender", "survivors",
                List.of(PakistanTables.geography(), PakistanTables.year(), PakistanTables.sexGender()));
        byAge.count(List.of("KHI", "2026-01", "18-24"), 7);
        bySex.count(List.of("KHI", "2026-01", "FEMALE"), 6);

        assertThatThrownBy(() -> TableProtection.protect(List.of(byAge, bySex), new DisclosureRule()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disagree on a shared margin");
    }

    @Test
    void a_hierarchy_knows_parents_children_and_leaves() {
        Hierarchy geography = PakistanTables.geography();

        assertThat(geography.parentOf("LHE-2")).isEqualTo("PK-PB");
        assertThat(geography.parentOf("PK")).isNull();
        assertThat(geography.childrenOf("PK-PB")).containsExactly("LHE-1", "LHE-2", "MUX", "RWP");
        assertThat(geography.isLeaf("ISB")).isTrue();
        assertThat(geography.codes()).first().isEqualTo("PK");
        assertThatThrownBy(() -> Hierarchy.of("geography", "PK").add("PK-XX", "QTA"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
