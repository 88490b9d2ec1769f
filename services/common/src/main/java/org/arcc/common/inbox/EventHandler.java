package org.arcc.common.inbox;

/**
 * Applies one event. Runs inside a database transaction together with the inbox entry for the event, so
 * it is applied at most once per consumer even when Kafka delivers it again. Throwing rolls both back;
 * the event is retried and, after {@code arcc.consumer.max-attempts}, sent to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(ReceivedEvent event) throws Exception;
}
