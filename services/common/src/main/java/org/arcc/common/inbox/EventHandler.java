package org.arcc.common.inbox;

/**
 * Applies one event. Runs inside a database transaction together with the inbox entry for the event, so
 * it is applied at most once per consumer even when Kafka delivers it again. Throwing rolls both back;
 * the event is retried and, after {@code arcc.consumer.max-attempts}, sent to the dead-letter topic; unless what it
 * threw says the database itself is unreachable ({@link DatabaseUnreachableException#isBehind}), when the consumer
 * backs off and reads the same event again without spending an attempt.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(ReceivedEvent event) throws Exception;

    /**
     * Called once in the transaction after the events it applied were handled, before the inbox claims and
     * everything handled commit together: a handler that gathers its writes (a JDBC batch) sends them here. What
     * it throws counts as a failure of those events, as if {@link #handle} had thrown.
     */
    default void beforeCommit() throws Exception {
    }
}
