package org.arcc.gateway.proxy;

import java.time.Duration;

/**
 * A token bucket: up to {@code capacity} requests in a burst, refilled continuously at {@code refill} per
 * {@code period}. One per client.
 */
public final class TokenBucket {

    /** The outcome of one request: allowed or not, what is left, and when the next token comes. */
    public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds, long resetSeconds) {
    }

    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    public TokenBucket(int capacity, int refill, Duration period) {
        this.capacity = capacity;
        this.tokensPerNano = (double) refill / period.toNanos();
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    /**
     * One replica's share of a limit enforced by {@code replicas} replicas together: a burst of
     * {@code capacity / replicas} (at least one) and {@code 1 / replicas} of the refill rate, so that the replicas'
     * buckets together never allow more than the limit.
     */
    public static TokenBucket shareOf(int capacity, int refill, Duration period, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1: " + replicas);
        }
        return new TokenBucket(Math.max(1, capacity / replicas), refill, period.multipliedBy(replicas));
    }

    public synchronized Decision tryConsume() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
        long resetSeconds = seconds((capacity - tokens) / tokensPerNano);
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, capacity, (int) Math.floor(tokens), 0, seconds((capacity - tokens) / tokensPerNano));
        }
        return new Decision(false, capacity, 0, Math.max(1, seconds((1 - tokens) / tokensPerNano)), resetSeconds);
    }

    /** Whether the bucket has refilled completely (an idle client), so it can be forgotten. */
    public synchronized boolean isFull() {
        long now = System.nanoTime();
        return Math.min(capacity, tokens + (now - last) * tokensPerNano) >= capacity;
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000d);
    }
}
