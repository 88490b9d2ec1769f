package org.arcc.common.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How event consumers retry and poll. */
@ConfigMapping(prefix = "arcc.consumer")
public interface ConsumerSettings {

    /** Attempts at one event before it goes to {@code <topic>.dlq}. */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the second attempt; doubles for each further one. */
    @WithDefault("100ms")
    Duration retryBackoff();

    /** Pause after an infrastructure failure (database or broker away) before reading again. */
    @WithDefault("2s")
    Duration failureBackoff();

    @WithDefault("500")
    int maxPollRecords();
}
