package org.arcc.common.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long first results are kept for retries, and how long a retry waits for a first attempt still running. */
@ConfigMapping(prefix = "arcc.idempotency")
public interface IdempotencySettings {

    /**
     * How long a key's first result is replayed; afterwards the record is purged and the key is new again.
     * Clients retry within minutes; a day covers a cell's connection coming back the next morning.
     */
    @WithDefault("24h")
    Duration retention();
}
