package org.arcc.common.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.arcc.common.request.CurrentRequest;
import org.arcc.common.telemetry.EventTracing;
import org.arcc.contracts.EventType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records events in the same database transaction as the state change that caused them. Nothing here
 * talks to Kafka: the {@link OutboxRelay} publishes after commit, so an event exists if and only if its
 * state change was committed.
 */
@ApplicationScoped
public class Outbox {

    /** The event types recorded in the current transaction; present once its after-commit work is registered. */
    private static final Object RECORDED_IN_TRANSACTION = new Object();
    /** Events committed, by type (a catalogue name, so a bounded label): {@code arcc_events_recorded_total}. */
    public static final String RECORDED = "arcc.events.recorded";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry metrics;

    /**
     * Adds an event to the outbox of the current transaction.
     *
     * @param type        wire type and topic of the event
     * @param aggregateId id of the aggregate it is about: the record key, so its events stay in order
     * @param payload     the contract record (ids and codes only)
     * @return the event id (CloudEvents {@code id}), unique forever
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventType type, String aggregateId, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.aggregateType = type.aggregateType();
        event.aggregateId = aggregateId;
        event.eventType = type.type();
        event.topic = type.topic();
        event.payload = toJson(payload);
        event.occurredAt = Instant.now();
        CurrentRequest.Context request = CurrentRequest.current();
        event.requestId = request.requestId();
        // The span recording the event (the request's server span, or the consumer span of an event applied
        // here): the relay publishes later, so the trace context is kept with the row (EventTracing).
        String traceparent = EventTracing.currentTraceparent();
        event.traceparent = traceparent != null ? traceparent : request.traceparent();
        entityManager.persist(event);
        afterCommit(type);
        return event.id;
    }

    /** Wakes the relay once the transaction committed, and counts what it recorded then (never a rolled-back event). */
    private void afterCommit(EventType type) {
        @SuppressWarnings("unchecked")
        List<String> recorded = (List<String>) transactions.getResource(RECORDED_IN_TRANSACTION);
        if (recorded != null) {
            recorded.add(type.type());
            return;
        }
        List<String> types = new ArrayList<>();
        types.add(type.type());
        transactions.putResource(RECORDED_IN_TRANSACTION, types);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                    types.forEach(committed -> Counter.builder(RECORDED).description(
                            "Events committed to the outbox, by type (deadline breaches: *.deadline-breached.v1)")
                            .tag("type", committed).register(metrics).increment());
                }
            }
        });
    }

    private String toJson(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be written as JSON: " + payload.getClass().getName(), e);
        }
    }
}
