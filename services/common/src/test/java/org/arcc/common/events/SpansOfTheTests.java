package org.arcc.common.events;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.arcc.testing.RecordedSpans;

/** Every span of the application under test, caught in memory. */
public class SpansOfTheTests {

    @Produces
    @Singleton
    RecordedSpans spans() {
        return new RecordedSpans();
    }
}
