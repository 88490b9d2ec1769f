package org.arcc.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** A relay gathers a stream of commits into one Kafka transaction, but never delays a lone commit. */
@UnitTest
class RelayPacingTest {

    static final Duration GATHER = Duration.ofMillis(20);

    @Test
    void aRelayThatJustPublishedWaitsForTheCommitsOfTheNextMoment() {
        assertThat(RelayPacing.waitAfterWakeUp(Duration.ofMillis(3), GATHER)).isEqualTo(GATHER);
        assertThat(RelayPacing.waitAfterWakeUp(Duration.ofMillis(99), GATHER)).isEqualTo(GATHER);
    }

    @Test
    void anIdleRelayPublishesALoneCommitAtOnce() {
        assertThat(RelayPacing.waitAfterWakeUp(Duration.ofMillis(100), GATHER)).isZero();
        assertThat(RelayPacing.waitAfterWakeUp(Duration.ofDays(1), GATHER)).isZero();
    }

    @Test
    void aZeroGatherNeverWaits() {
        assertThat(RelayPacing.waitAfterWakeUp(Duration.ZERO, Duration.ZERO)).isZero();
    }
}
