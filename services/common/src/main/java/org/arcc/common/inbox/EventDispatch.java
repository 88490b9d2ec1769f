package org.arcc.common.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.arcc.contracts.EventType;

/**
 * A consumer's handlers keyed by the contracts' own {@link EventType} constants, not by string literals that a
 * typo would send silently to a {@code default} branch. Types without a handler are facts the consumer does not
 * need, and are skipped.
 *
 * <pre>{@code
 * EventDispatch dispatch = new EventDispatch()
 *         .on(ConsentGiven.TYPE, ConsentGiven.class, this::given)
 *         .on(ConsentWithdrawn.TYPE, ConsentWithdrawn.class, this::withdrawn);
 * consumers.start(CONSUMER, List.of(Topics.CASES), dispatch::apply);
 * }</pre>
 */
public final class EventDispatch {

    private final Map<String, Consumer<ReceivedEvent>> handlers = new HashMap<>();

    /** Handles events of {@code type}, read as {@code payload}; one handler per type. */
    public <T> EventDispatch on(EventType type, Class<T> payload, Consumer<T> handler) {
        return onEvent(type, payload, (event, read) -> handler.accept(read));
    }

    /**
     * Handles events of {@code type}, read as {@code payload}, with a handler that also reads the event itself (its
     * id, for a fact keyed by the event); one handler per type.
     */
    public <T> EventDispatch onEvent(EventType type, Class<T> payload, BiConsumer<ReceivedEvent, T> handler) {
        if (handlers.putIfAbsent(type.type(), event -> handler.accept(event, event.payload(payload))) != null) {
            throw new IllegalStateException("Two handlers for " + type.type());
        }
        return this;
    }

    /** Runs the handler of the event's type; returns whether there was one. */
    public boolean apply(ReceivedEvent event) {
        Consumer<ReceivedEvent> handler = handlers.get(event.type());
        if (handler == null) {
            return false;
        }
        handler.accept(event);
        return true;
    }
}
