package org.arcc.common.inbox;

import java.util.List;

/**
 * How one consumer is doing, as readiness and metrics show it. Holds consumer and topic names and exception
 * class names only, never anything read from an event.
 *
 * @param up                  false when the consumer cannot be trusted to hear events: its thread ended, it
 *                            met an error no retry can clear, or it has not polled successfully for longer
 *                            than {@code arcc.consumer.stall-limit}
 * @param alive               its thread is running
 * @param secondsSincePoll    since the last successful poll (records read, applied or dead-lettered, offsets
 *                            committed), or since start when there was none yet
 * @param consecutiveFailures failed cycles since the last successful one; each is retried after a backoff
 * @param lastError           class of the last failure while failures last, else null
 * @param reason              why it is down, else null
 */
public record ConsumerHealth(String consumer, List<String> topics, boolean up, boolean alive, long secondsSincePoll,
        int consecutiveFailures, String lastError, long lag, String reason) {
}
