package org.arcc.gateway.proxy;

import java.time.Duration;

/**
 * Stops sending requests to an upstream that keeps failing, so callers get a fast 503 instead of piling up
 * on timeouts. Closed: requests flow, consecutive failures are counted. Open: refused until
 * {@code openFor} has passed. Half-open: one trial request; its success closes the circuit, its failure
 * opens it again.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failureThreshold;
    private final long openForNanos;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor) {
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
    }

    /** Whether a request may go to the upstream now. */
    public synchronized boolean allow() {
        if (state == State.OPEN && System.nanoTime() - openedAt >= openForNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void failed() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = System.nanoTime();
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        if (state == State.OPEN && System.nanoTime() - openedAt >= openForNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Seconds until an open circuit lets a trial through. */
    public synchronized long secondsUntilTrial() {
        if (state != State.OPEN) {
            return 0;
        }
        long left = openForNanos - (System.nanoTime() - openedAt);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
}
