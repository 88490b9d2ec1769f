package org.arcc.common.events;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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

    /** While set, applying a step of an aggregate with this id prefix loses its database connection. */
    private final AtomicReference<String> databaseAwayFor = new AtomicReference<>();
    private final AtomicInteger attemptsWhileAway = new AtomicInteger();

    void onStart(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Step.TOPIC), this::apply);
    }

    public InboxConsumer consumer() {
        return consumers.get(CONSUMER);
    }

    /**
     * Until {@link #databaseBack()}, the handler's connection is cut by the server (as in a PostgreSQL restart)
     * whenever it applies a step of an aggregate whose id starts with {@code aggregatePrefix}.
     */
    public void databaseAwayFor(String aggregatePrefix) {
        attemptsWhileAway.set(0);
        databaseAwayFor.set(aggregatePrefix);
    }

    public void databaseBack() {
        databaseAwayFor.set(null);
    }

    /** Attempts that lost their connection since {@link #databaseAwayFor}. */
    public int attemptsWhileAway() {
        return attemptsWhileAway.get();
    }

    void apply(ReceivedEvent event) {
        Step step = event.payload(Step.class);
        String away = databaseAwayFor.get();
        if (away != null && step.aggregateId().startsWith(away)) {
            attemptsWhileAway.incrementAndGet();
            // The real thing: PostgreSQL ends this session (57P01 "terminating connection due to administrator
            // command"), exactly what an administrator's or a restart's shutdown does to open connections.
            em.createNativeQuery("SELECT pg_terminate_backend(pg_backend_pid())").getSingleResult();
        }
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
