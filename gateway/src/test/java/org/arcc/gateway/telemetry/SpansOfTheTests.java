package org.arcc.gateway.telemetry;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.arcc.testing.RecordedSpans;

/** Every span of the gateway under test, caught in memory. */
public class SpansOfTheTests {

    @Produces
    @Singleton
    RecordedSpans spans() {
        return new RecordedSpans();
    }
}
