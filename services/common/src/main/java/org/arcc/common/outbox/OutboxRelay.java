package org.arcc.common.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.arcc.common.kafka.KafkaClients;
import org.arcc.common.kafka.RootCause;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode), in position order, then deletes them.
 *
 * <ul>
 * <li>Prompt: a commit that wrote events wakes it; a relay that has just published (a stream of commits) then
 * waits {@code arcc.outbox.gather} so that what commits meanwhile shares one Kafka transaction
 * ({@link RelayPacing}), an idle one publishes at once; otherwise it polls every
 * {@code arcc.outbox.poll-interval}.</li>
 * <li>One publisher at a time per database: each batch runs under a transaction-scoped advisory lock, so
 * two instances of a service never publish the same rows concurrently or out of order.</li>
 * <li>In order: a batch is one Kafka transaction, committed before its rows are deleted. A batch that fails
 * half-way (the broker leaves or returns mid-batch) is aborted, so {@code read_committed} consumers never
 * see a later event of an aggregate before an earlier one that failed.</li>
 * <li>At least once: rows are deleted only after the Kafka transaction committed; a crash in between
 * republishes them, and consumers deduplicate by event id.</li>
 * <li>Broker away: the batch rolls back, the relay backs off (doubling up to {@code max-backoff}) and drains
 * the backlog when the broker returns.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "arcc-outbox" folded into a long. Each service has its own database. */
    static final long LOCK_KEY = 0x6172_6363_6f75_7462L;

    private static final String SELECT_BATCH = """
            SELECT position, id, aggregate_id, event_type, topic, payload::text, occurred_at, request_id, traceparent
            FROM outbox_event ORDER BY position LIMIT ? FOR UPDATE""";

    @Inject
    DataSource dataSource;

    @Inject
    KafkaClients kafka;

    @Inject
    OutboxSettings settings;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile long published;
    /** System.nanoTime() of the last batch that published anything (the relay thread's own). */
    private long lastPublished = System.nanoTime() - Duration.ofDays(1).toNanos();
    private Thread worker;
    /** Created lazily on the publishing path (it needs the broker); replaced after any Kafka failure. */
    private KafkaProducer<String, byte[]> producer;
    /**
     * One transactional id for the life of this instance ({@link #transactionalIdPrefix} and a random UUID): a
     * replacement producer of this instance takes it over, which aborts the transaction its predecessor left open
     * instead of letting it block consumers until it times out. Unique per instance, so two replicas' relays never
     * fence each other (they take turns on the advisory lock instead); the service's own prefix lets each service's
     * Kafka user be allowed its own transactional ids only.
     */
    private final String instance = java.util.UUID.randomUUID().toString();

    void onStart(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        discardProducer(Duration.ofSeconds(5));
    }

    /** Asks the relay to look at the outbox now (called after a commit that wrote events). */
    public void wake() {
        wakeUps.release();
    }

    /** Events this instance has published since it started. */
    public long published() {
        return published;
    }

    private void run() {
        int failures = 0;
        while (running) {
            Duration sleep = settings.pollInterval();
            try {
                int count = publishBatch();
                failures = 0;
                if (count > 0) {
                    lastPublished = System.nanoTime();
                }
                if (count >= settings.batchSize()) {
                    continue; // more waiting: no sleep
                }
            } catch (Exception e) {
                failures++;
                sleep = backoff(failures);
                if (failures == 1 || failures % 10 == 0) {
                    LOG.warnf("Outbox relay could not publish (attempt %d, next in %d ms): %s", failures,
                            sleep.toMillis(), RootCause.describe(e));
                }
            }
            try {
                if (wakeUps.tryAcquire(sleep.toMillis(), TimeUnit.MILLISECONDS) && failures == 0) {
                    // Woken by a commit: under a stream of commits, those of the next few milliseconds join its batch.
                    Duration since = Duration.ofNanos(System.nanoTime() - lastPublished);
                    TimeUnit.NANOSECONDS.sleep(RelayPacing.waitAfterWakeUp(since, settings.gather()).toNanos());
                }
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes one batch in one database transaction; returns how many rows were published. */
    int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int count = publishBatch(connection);
                connection.commit();
                published += count;
                return count;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** One batch on the caller's connection and transaction, which the caller commits or rolls back. */
    int publishBatch(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another instance is publishing
                }
            }
        }
        List<Long> positions = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    positions.add(rs.getLong(1));
                    records.add(toRecord(rs));
                }
            }
        }
        if (positions.isEmpty()) {
            return 0;
        }
        publish(records); // throws unless Kafka committed all of them: the rows then stay for the next try
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE position = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", positions.toArray()));
            delete.executeUpdate();
        }
        return positions.size();
    }

    /** Sends the batch in one Kafka transaction, in outbox order; all of it is committed, or none. */
    private void publish(List<ProducerRecord<String, byte[]>> records) {
        KafkaProducer<String, byte[]> kafkaProducer = producer();
        try {
            kafkaProducer.beginTransaction();
            for (ProducerRecord<String, byte[]> record : records) {
                kafkaProducer.send(record);
            }
            kafkaProducer.commitTransaction();
        } catch (RuntimeException e) {
            // Whatever the failure (broker away, fenced, timed out), start over with a fresh producer: its
            // initialisation aborts this transaction if the broker has not already.
            discardProducer(Duration.ZERO);
            throw e;
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            String prefix = transactionalIdPrefix(settings.source());
            KafkaProducer<String, byte[]> created = kafka.transactionalProducer(prefix.substring(0, prefix.length() - 1),
                    prefix + instance);
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    /**
     * What every transactional id of a service's relays starts with, from its CloudEvents source: {@code /arcc/cases}
     * gives {@code outbox-relay-arcc-cases-}. The service's Kafka user is allowed transactional ids with this prefix
     * (deploy/kubernetes, {@code kafka-users.yaml}).
     */
    public static String transactionalIdPrefix(String source) {
        return "outbox-relay" + source.replace('/', '-') + "-";
    }

    /** The transactional id of this instance's producer. */
    String transactionalId() {
        return transactionalIdPrefix(settings.source()) + instance;
    }

    private synchronized void discardProducer(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }

    private ProducerRecord<String, byte[]> toRecord(ResultSet rs) throws SQLException {
        String aggregateId = rs.getString("aggregate_id");
        Headers headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", rs.getString("id"));
        header(headers, "ce_source", settings.source());
        header(headers, "ce_type", rs.getString("event_type"));
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(rs.getTimestamp("occurred_at").toInstant()));
        header(headers, "ce_subject", aggregateId);
        header(headers, "content-type", "application/json");
        header(headers, "ce_requestid", rs.getString("request_id"));
        // The CloudEvents distributed-tracing extension (binary mode: ce_ prefix): the consumer continues the trace.
        header(headers, "ce_traceparent", rs.getString("traceparent"));
        return new ProducerRecord<>(rs.getString("topic"), null, aggregateId,
                rs.getString("payload").getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Duration backoff(int failures) {
        long millis = settings.pollInterval().toMillis() * (1L << Math.min(failures, 10));
        return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
    }
}
