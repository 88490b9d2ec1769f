package org.arcc.common.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How event consumers retry, poll, back off after failures and when they count as stalled. */
@ConfigMapping(prefix = "arcc.consumer")
public interface ConsumerSettings {

    /**
     * Attempts at one event before it goes to {@code <topic>.dlq}. A failure because the database is unreachable
     * is no attempt: the consumer backs off ({@link #failureBackoff()}) and reads the event again.
     */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the second attempt; doubles for each further one. */
    @WithDefault("100ms")
    Duration retryBackoff();

    /**
     * Pause after a failed cycle (a poll or commit that threw, or an event that could be neither applied nor
     * dead-lettered because the database or broker is away) before reading again; doubles with each
     * consecutive failure up to {@link #failureBackoffMax()}.
     */
    @WithDefault("2s")
    Duration failureBackoff();

    /** Longest pause between two attempts of a failing consumer. */
    @WithDefault("30s")
    Duration failureBackoffMax();

    /**
     * How long a consumer may go without a successful poll (records read, applied or dead-lettered, offsets
     * committed) before readiness turns DOWN.
     */
    @WithDefault("2m")
    Duration stallLimit();

    @WithDefault("500")
    int maxPollRecords();
}
