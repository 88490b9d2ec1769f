package org.arcc.sdk;

import java.time.Duration;

/**
 * How {@link ArccHttpClient} retries: at most {@code maxAttempts} sends of one request; after a connection failure
 * it waits {@code firstBackoff}, doubling each time; after 429/503 (or 409 "in progress") it waits what the
 * {@code Retry-After} header says; never longer than {@code maxDelay} at a time.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(30));

    /** One attempt, no retries. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    Duration backoff(int failedAttempts) {
        Duration delay = firstBackoff.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    Duration capped(Duration delay) {
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;

        Sleeper REAL = delay -> Thread.sleep(delay.toMillis());
    }
}
