package org.arcc.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class CellsDayTest {

    @Test
    void tenTimesTwentyTwentyFourIsTwelveSurvivorsADay() {
        CellsDay day = new CellsDay(10, 5);

        // 437 × 10 / 365 = 11.97
        assertThat(day.survivors()).isEqualTo(12);
        assertThat(day.referred()).isEqualTo(1);
        assertThat(day.walkIns()).isEqualTo(11);
        assertThat(day.followUpSessions()).isEqualTo(12 * 8);
        assertThat(day.figureViews()).isEqualTo(6 * 4 + 8);
        assertThat(day.compression()).isEqualTo(288.0);
    }

    @Test
    void theTwentyTwentyFourVolumeItselfIsOneSurvivorADay() {
        assertThat(new CellsDay(1, 60).survivors()).isEqualTo(1);
        assertThat(new CellsDay(0.01, 60).survivors()).isEqualTo(1);
    }

    @Test
    void halfTheSurvivorsAreChildrenAsIn2024() {
        assertThat(CellsDay.childShare()).isBetween(0.50, 0.502);
    }

    @Test
    void nothingToPlayIsRefused() {
        assertThatThrownBy(() -> new CellsDay(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CellsDay(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cellsAreDrawnInProportionToTheirShares() {
        double total = 0;
        for (Cell cell : Cell.values()) {
            total += cell.share();
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        Map<Cell, Integer> drawn = new EnumMap<>(Cell.class);
        int draws = 10_000;
        for (int i = 0; i < draws; i++) {
            drawn.merge(Cell.drawn((i + 0.5) / draws), 1, Integer::sum);
        }
        for (Cell cell : Cell.values()) {
            assertThat(drawn.get(cell) / (double) draws).isCloseTo(cell.share(), org.assertj.core.data.Offset.offset(0.001));
        }
    }

    @Test
    void eachCellHasItsDemoStaffAndApiClient() {
        assertThat(Cell.LHE_1.caseWorker()).isEqualTo("lhe1.caseworker");
        assertThat(Cell.KHI.apiClient()).isEqualTo("client:cell-khi-api");
        assertThat(LoadTokens.developmentSecret("cell-khi-api")).isEqualTo("dev-secret-cell-khi");
        assertThat(LoadTokens.developmentSecret("ngo-demo")).isEqualTo("dev-secret-ngo-demo");
    }
}
