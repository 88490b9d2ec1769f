package org.arcc.reporting.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.arcc.common.kafka.KafkaClients;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.reporting.events.TopicProjections;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the projections from the topics: the consumer empties them and forgets its inbox in one transaction,
 * rewinds to the beginning of every partition and applies everything again. The rebuild is done when the
 * consumer's committed offsets reach the ends the topics had when the rewind was made; figures are refused (409)
 * until then, so nobody reads half-built figures.
 */
@ApplicationScoped
public class Rebuilds {

    private static final Logger LOG = Logger.getLogger(Rebuilds.class);
    private static final Duration LIMIT = Duration.ofMinutes(30);

    public enum State {
        RUNNING, DONE, FAILED
    }

    public record Rebuild(UUID id, State state, Instant startedAt, Instant finishedAt, long eventsReplayed) {
    }

    @Inject
    TopicProjections projections;

    @Inject
    KafkaClients kafka;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private volatile UUID running;

    /** The progress last counted while a rebuild runs, and when. */
    private record Counted(UUID rebuild, long events, Instant at) {
    }

    /**
     * How long a running rebuild's count of replayed events is reused: the count scans the inbox (14 ms with 95,000
     * events), and a dashboard polling every 100 ms took a tenth of the database's time from the replay it watched.
     */
    static final Duration PROGRESS_REUSED_FOR = Duration.ofSeconds(1);

    private volatile Counted counted;

    @Transactional
    public synchronized Rebuild start(Caller caller) {
        if (running != null) {
            throw ProblemException.conflict("A rebuild is already running");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO report_rebuild (id, state, requested_by, started_at) VALUES (?1, 'RUNNING', ?2, ?3)")
                .setParameter(1, id).setParameter(2, caller.subject()).setParameter(3, Timestamp.from(now))
                .executeUpdate();
        running = id;
        projections.consumer().replay(projections::reset).whenComplete((ignored, error) -> {
            if (error != null) {
                finish(id, State.FAILED);
            } else {
                Thread watcher = new Thread(() -> await(id), "rebuild-" + id);
                watcher.setDaemon(true);
                watcher.start();
            }
        });
        return new Rebuild(id, State.RUNNING, now, null, 0);
    }

    @Transactional
    public Optional<Rebuild> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT state, started_at, finished_at, events_replayed FROM report_rebuild WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> {
            State state = State.valueOf((String) r[0]);
            long replayed = state == State.RUNNING ? progress(id) : ((Number) r[3]).longValue();
            return new Rebuild(id, state, instant(r[1]), instant(r[2]), replayed);
        });
    }

    /** Figures are not served while the projections are being rebuilt. */
    public void refuseWhileRunning() {
        if (running != null) {
            throw ProblemException.conflict("The figures are being rebuilt from the event history; ask again in a"
                    + " few seconds");
        }
    }

    /** Waits until the consumer has committed up to the ends the topics had after the rewind. */
    private void await(UUID id) {
        Instant deadline = Instant.now().plus(LIMIT);
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, Long> ends = ends(admin);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(TopicProjections.CONSUMER).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue()));
                if (caughtUp) {
                    finish(id, State.DONE);
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            LOG.warnf("Rebuild %s did not catch up within %s", id, LIMIT);
            finish(id, State.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(id, State.FAILED);
        } catch (Exception e) {
            LOG.warnf("Rebuild %s failed: %s", id, e.getClass().getSimpleName());
            finish(id, State.FAILED);
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<String> topics = TopicProjections.TOPICS.stream().filter(existing::contains).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private void finish(UUID id, State state) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    UPDATE report_rebuild SET state = ?2, finished_at = now(), events_replayed = ?3 WHERE id = ?1""")
                    .setParameter(1, id).setParameter(2, state.name()).setParameter(3, replayedSoFar()).executeUpdate());
        } finally {
            running = null;
        }
        LOG.infof("Rebuild %s %s", id, state);
    }

    /** Events replayed so far by a running rebuild, counted at most once per {@link #PROGRESS_REUSED_FOR}. */
    private long progress(UUID id) {
        Instant now = clock.instant();
        Counted last = counted;
        if (last != null && last.rebuild().equals(id) && now.isBefore(last.at().plus(PROGRESS_REUSED_FOR))) {
            return last.events();
        }
        long events = replayedSoFar();
        counted = new Counted(id, events, now);
        return events;
    }

    /** Events applied since the rewind: the inbox was forgotten then, so its entries are exactly those. */
    private long replayedSoFar() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM inbox_event WHERE consumer = ?1")
                .setParameter(1, TopicProjections.CONSUMER).getSingleResult()).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : (Instant) value;
    }
}
