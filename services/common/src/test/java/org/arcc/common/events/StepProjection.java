package org.arcc.common.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.InboxConsumer;
import org.arcc.common.inbox.ReceivedEvent;

import io.quarkus.runtime.StartupEvent;

/** The consumer side of the tests: applies steps to a table and records any step that arrives out of order. */
@ApplicationScoped
public class StepProjection {

    public static final String CONSUMER = "test-steps";

    @Inject
    EntityManager em;

    @Inject
    EventConsumers consumers;

    void onStart(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Step.TOPIC), this::apply);
    }

    public InboxConsumer consumer() {
        return consumers.get(CONSUMER);
    }

    void apply(ReceivedEvent event) {
        Step step = event.payload(Step.class);
        if (step.poison()) {
            throw new IllegalStateException("poison step " + step.seq());
        }
        int last = ((Number) em.createNativeQuery(
                "SELECT coalesce(max(seq), 0) FROM step_projection WHERE aggregate_id = ?1")
                .setParameter(1, step.aggregateId()).getSingleResult()).intValue();
        if (step.seq() != last + 1) {
            em.createNativeQuery("INSERT INTO order_violation (aggregate_id, seq, expected) VALUES (?1, ?2, ?3)")
                    .setParameter(1, step.aggregateId()).setParameter(2, step.seq()).setParameter(3, last + 1)
                    .executeUpdate();
        }
        em.createNativeQuery("INSERT INTO step_projection (aggregate_id, seq, event_id) VALUES (?1, ?2, ?3)")
                .setParameter(1, step.aggregateId()).setParameter(2, step.seq()).setParameter(3, event.id())
                .executeUpdate();
    }

    /** Empties the projection, for a replay. */
    public void reset() {
        em.createNativeQuery("DELETE FROM step_projection").executeUpdate();
        em.createNativeQuery("DELETE FROM order_violation").executeUpdate();
    }
}
