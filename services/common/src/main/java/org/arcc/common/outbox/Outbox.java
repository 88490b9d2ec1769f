package org.arcc.common.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.arcc.common.request.CurrentRequest;
import org.arcc.contracts.EventType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records events in the same database transaction as the state change that caused them. Nothing here
 * talks to Kafka: the {@link OutboxRelay} publishes after commit, so an event exists if and only if its
 * state change was committed.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

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
        event.traceparent = request.traceparent();
        entityManager.persist(event);
        wakeRelayAfterCommit();
        return event.id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
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
