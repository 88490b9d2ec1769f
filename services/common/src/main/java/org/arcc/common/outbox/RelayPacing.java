package org.arcc.common.outbox;

import java.time.Duration;

/**
 * When a woken relay waits before publishing. A relay that published a moment ago is under a stream of commits: it
 * waits {@code arcc.outbox.gather} so that the commits of those milliseconds share one Kafka transaction (one per
 * request cost the broker 1.5 to 3.5 ms of CPU per audited read, docs/benchmarks.md "Platform ratios"). A relay
 * that has been idle publishes a lone commit at once, so a single change reaches its consumers without the wait.
 */
final class RelayPacing {

    /** Published within this many gathers before the wake-up: a stream of commits, worth gathering. */
    static final int STREAM_WINDOW_IN_GATHERS = 5;

    private RelayPacing() {
    }

    /** How long to wait after a wake-up, given how long ago the relay last published anything. */
    static Duration waitAfterWakeUp(Duration sinceLastPublished, Duration gather) {
        if (gather.isZero() || gather.isNegative()) {
            return Duration.ZERO;
        }
        return sinceLastPublished.compareTo(gather.multipliedBy(STREAM_WINDOW_IN_GATHERS)) < 0 ? gather : Duration.ZERO;
    }
}
