package org.arcc.legal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's clock in tests: the system clock, unless a test sets it to a moment of a journey (the FIR at
 * T+5h, the court in month 2) so that what is recorded "then" is judged as it would have been then. Tests that
 * set it reset it afterwards. Replaces the default clock of {@code ClockProducer}.
 */
@ApplicationScoped
public class TestClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant at) {
        fixed = at;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
