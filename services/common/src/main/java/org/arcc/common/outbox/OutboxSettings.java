package org.arcc.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay runs. */
@ConfigMapping(prefix = "arcc.outbox")
public interface OutboxSettings {

    /** Whether this instance runs a relay at all. */
    @WithDefault("true")
    boolean enabled();

    /** CloudEvents {@code source} of everything this service publishes, e.g. {@code /arcc/cases}. */
    String source();

    /** Longest the relay sleeps when nobody wakes it (commits wake it at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a woken relay that has just published waits for more commits before it publishes again: what commits
     * in that time goes in the same Kafka transaction ({@code RelayPacing}). One transaction per request cost the
     * broker 1.5 to 3.5 ms of CPU per audited read at one connection (docs/benchmarks.md, "Platform ratios"); an
     * idle relay publishes a lone commit at once. Zero turns it off.
     */
    @WithDefault("20ms")
    Duration gather();

    /** Rows published per database transaction. */
    @WithDefault("200")
    int batchSize();

    /** Longest wait between attempts while Kafka or the database is away. */
    @WithDefault("10s")
    Duration maxBackoff();
}
