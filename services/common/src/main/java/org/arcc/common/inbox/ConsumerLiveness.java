package org.arcc.common.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The rules for a consumer's liveness: how long to back off after a failure, and when a consumer no longer
 * counts as hearing its events. Fed by the consumer's thread, read by health and metrics; thread-safe.
 */
final class ConsumerLiveness {

    private final String consumer;
    private final List<String> topics;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration stallLimit;

    private Instant lastSuccess;
    private int consecutiveFailures;
    private Class<? extends Throwable> lastError;
    private boolean fatal;
    private Class<? extends Throwable> endedBy;

    ConsumerLiveness(String consumer, List<String> topics, Instant start, Duration firstBackoff, Duration maxBackoff,
            Duration stallLimit) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.lastSuccess = start;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.stallLimit = stallLimit;
    }

    /**
     * A cycle completed: everything polled was applied or dead-lettered and committed.
     *
     * @return how many failures in a row this success ends (0 when there were none)
     */
    synchronized int succeeded(Instant at) {
        int ended = consecutiveFailures;
        lastSuccess = at;
        consecutiveFailures = 0;
        lastError = null;
        fatal = false;
        return ended;
    }

    /**
     * A cycle failed; the consumer will try again.
     *
     * @return how long to wait first: {@code failure-backoff} doubled for each earlier failure in a row, at most
     *         {@code failure-backoff-max}; the maximum at once for an error that retrying alone will not clear
     */
    synchronized Duration failed(Throwable error) {
        consecutiveFailures++;
        lastError = error.getClass();
        fatal = isFatal(error);
        if (fatal) {
            return maxBackoff;
        }
        Duration backoff = firstBackoff;
        for (int i = 1; i < consecutiveFailures && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    /** The thread ended on something it could not catch (an {@link Error}); nothing will restart it. */
    synchronized void ended(Throwable cause) {
        endedBy = cause.getClass();
    }

    synchronized boolean isFailing() {
        return consecutiveFailures > 0;
    }

    synchronized ConsumerHealth at(Instant now, boolean threadAlive, long lag) {
        long sinceSuccess = Math.max(0, Duration.between(lastSuccess, now).toSeconds());
        String reason = null;
        if (endedBy != null || !threadAlive) {
            reason = "thread ended" + (endedBy == null ? "" : " on " + endedBy.getSimpleName())
                    + "; nothing restarts it: restart the service";
        } else if (fatal) {
            reason = lastError.getSimpleName() + " is not cleared by retrying (credentials, authorisation, "
                    + "configuration): the consumer keeps trying every "
                    + (maxBackoff.toSeconds() > 0 ? maxBackoff.toSeconds() + " s" : maxBackoff.toMillis() + " ms");
        } else if (Duration.between(lastSuccess, now).compareTo(stallLimit) > 0) {
            reason = "no successful poll for " + sinceSuccess + " s (limit " + stallLimit.toSeconds() + " s)"
                    + (lastError == null ? "" : "; last error " + lastError.getSimpleName());
        }
        return new ConsumerHealth(consumer, topics, reason == null, threadAlive && endedBy == null, sinceSuccess,
                consecutiveFailures, lastError == null ? null : lastError.getSimpleName(), lag, reason);
    }

    /**
     * Errors that need an operator (credentials, ACLs, a wrong group or topic, a broker too old) rather than
     * time. The consumer still retries them, so it resumes by itself once they are fixed, but it is reported
     * down at once instead of after the stall limit.
     */
    static boolean isFatal(Throwable error) {
        return error instanceof AuthenticationException || error instanceof AuthorizationException
                || error instanceof InvalidGroupIdException || error instanceof InvalidTopicException
                || error instanceof UnsupportedVersionException || error instanceof FencedInstanceIdException;
    }
}
