package org.arcc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The gateway's circuit breaker per upstream ({@link CircuitBreaker}), without Quarkus or a clock to wait on. */
@UnitTest
class CircuitBreakerTest {

    @Test
    void itOpensAfterTheThresholdOfConsecutiveFailuresAndRefusesWhileOpen() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofHours(1));
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allow()).isTrue();
        breaker.failed();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allow()).isFalse();
        assertThat(breaker.secondsUntilTrial()).isBetween(3590L, 3600L);
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofHours(1));
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allow()).isTrue();
    }

    @Test
    void onceTheOpenTimeHasPassedExactlyOneTrialGoesThrough() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ZERO);
        breaker.failed();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.allow()).as("a second request while the trial is in flight").isFalse();
    }

    @Test
    void aTrialsSuccessClosesTheCircuit() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ZERO);
        breaker.failed();
        breaker.allow();
        breaker.succeeded();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.allow()).isTrue();
    }

    @Test
    void aTrialsFailureOpensTheCircuitAgain() {
        // open time zero: after the failed trial the circuit is open and at once due for its next single trial
        CircuitBreaker breaker = new CircuitBreaker(5, Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            breaker.failed();
        }
        assertThat(breaker.allow()).as("the trial").isTrue();
        breaker.failed();

        assertThat(breaker.allow()).as("the next trial, after the circuit opened again").isTrue();
        assertThat(breaker.allow()).as("only one at a time").isFalse();
    }
}
