package org.arcc.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.arcc.common.kafka.RootCause;
import org.arcc.contracts.Topics;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reads a consumer group's topics on its own thread and applies each event exactly once to the service's
 * database: the handler and the inbox claim share one transaction, offsets are committed only after the
 * events before them were applied or dead-lettered, and one partition's records are handled in order. A failed
 * poll cycle is retried after a growing backoff, never the end of the thread; how the consumer is doing is in
 * {@link #health()}.
 */
public final class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);
    private static final int MAX_ERROR_TEXT = 300;
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(250);
    /** About a second of empty polls after a failure before the consumer counts as resumed. */
    private static final int EMPTY_POLLS_BEFORE_RESUMING = 4;

    private final String name;
    private final List<String> topics;
    private final EventHandler handler;
    private final Consumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final Inbox inbox;
    private final ConsumerSettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final List<Meter> meters = new ArrayList<>();
    private final AtomicLong lag = new AtomicLong();
    private final Counter deadLettered;
    private final Counter applied;
    private final Counter failures;
    private final ConsumerLiveness liveness;
    private final AtomicReference<Replay> replay = new AtomicReference<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    /** The last poll's records while their offsets are not committed: read again before polling on. */
    private ConsumerRecords<String, byte[]> unsettled;
    /**
     * Empty polls after a failed cycle that do not yet count as a success: the records that failed were rewound,
     * and a poll that comes back before they are fetched again must not end the streak (which would log every
     * retry of a long outage as a new failure and a recovery).
     */
    private int emptyPollsBeforeResuming;
    /** The offset this instance last committed for each partition (the consumer thread's own). */
    private final Map<TopicPartition, Long> committedHere = new HashMap<>();

    private record Replay(Runnable resetProjection, CompletableFuture<Void> done) {
    }

    InboxConsumer(String name, List<String> topics, EventHandler handler, Consumer<String, byte[]> consumer,
            KafkaProducer<String, byte[]> deadLetters, Inbox inbox, ConsumerSettings settings, ObjectMapper mapper,
            Clock clock, MeterRegistry metrics) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
        this.metrics = metrics;
        this.liveness = new ConsumerLiveness(name, topics, clock.instant(), settings.failureBackoff(),
                settings.failureBackoffMax(), settings.stallLimit());
        meters.add(Gauge.builder("arcc.consumer.lag", lag, AtomicLong::get)
                .description("Records not yet consumed, summed over the consumer's partitions")
                .tag("consumer", name).register(metrics));
        this.deadLettered = Counter.builder("arcc.consumer.dead.letters")
                .description("Events sent to a dead-letter topic").tag("consumer", name).register(metrics);
        this.applied = Counter.builder("arcc.consumer.applied")
                .description("Events applied (duplicates excluded)").tag("consumer", name).register(metrics);
        this.failures = Counter.builder("arcc.consumer.failures")
                .description("Failed poll cycles (each retried after a backoff)").tag("consumer", name)
                .register(metrics);
        meters.add(deadLettered);
        meters.add(applied);
        meters.add(failures);
        meters.add(Gauge.builder("arcc.consumer.alive", this, c -> c.health().alive() ? 1 : 0)
                .description("1 while the consumer's thread runs").tag("consumer", name).register(metrics));
        meters.add(Gauge.builder("arcc.consumer.ready", this, c -> c.health().up() ? 1 : 0)
                .description("1 while the consumer counts as hearing its events (as in /q/health/ready)")
                .tag("consumer", name).register(metrics));
        meters.add(Gauge.builder("arcc.consumer.seconds.since.poll", this, c -> c.health().secondsSincePoll())
                .description("Seconds since the last successful poll (read, applied, committed)")
                .tag("consumer", name).register(metrics));
        meters.add(Gauge.builder("arcc.consumer.consecutive.failures", this, c -> c.health().consecutiveFailures())
                .description("Failed poll cycles since the last successful one").tag("consumer", name)
                .register(metrics));
        this.thread = new Thread(this::run, "consumer-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        consumer.subscribe(topics);
        thread.start();
    }

    /** Ends the consumer; the only way it ends other than its thread dying. */
    void stop() {
        running = false;
        stopping.countDown();
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        meters.forEach(metrics::remove);
    }

    public String name() {
        return name;
    }

    /** Records not yet consumed on the partitions this instance holds. */
    public long lag() {
        return lag.get();
    }

    /** Events sent to a dead-letter topic since start. */
    public double deadLettered() {
        return deadLettered.count();
    }

    /** Whether it is alive and polling, how long since it last polled successfully, and why it is down if it is. */
    public ConsumerHealth health() {
        return liveness.at(clock.instant(), thread.isAlive(), lag.get());
    }

    /**
     * Rebuilds from scratch: in one transaction runs {@code resetProjection} (which empties what the handler
     * built) and forgets the inbox, then rewinds every partition of this consumer to its beginning.
     */
    public CompletableFuture<Void> replay(Runnable resetProjection) {
        Replay request = new Replay(resetProjection, new CompletableFuture<>());
        if (!replay.compareAndSet(null, request)) {
            return CompletableFuture.failedFuture(new IllegalStateException("A replay of " + name + " is already running"));
        }
        consumer.wakeup();
        return request.done();
    }

    /**
     * Polls until {@link #stop()}. A failed cycle (a rebalance that made the commit fail, the broker or the
     * database away, anything thrown by the client) never ends the loop: the consumer backs off, reads again
     * what it had not committed, and carries on. Only an {@link Error} ends the thread, which health reports.
     */
    private void run() {
        try {
            while (running) {
                try {
                    cycle();
                } catch (WakeupException e) {
                    // stop() or replay(): the loop looks at both
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        } catch (Error e) {
            // Not rethrown: logged here once, and readiness reports it for as long as the service runs.
            liveness.ended(e);
            LOG.errorf("Consumer %s ended on %s; nothing restarts it, readiness is DOWN", name, e.getClass().getName());
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warnf("Consumer %s did not close cleanly: %s", name, e.getClass().getSimpleName());
            }
        }
    }

    /**
     * One poll: applies its records partition by partition and commits what was applied. Throws what failed;
     * whatever was polled but not committed is then read again (the inbox skips what was already applied).
     */
    private void cycle() {
        if (unsettled != null) {
            rewind(unsettled);
            unsettled = null;
        }
        replayIfAsked();
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
        if (records.isEmpty() && emptyPollsBeforeResuming > 0) {
            emptyPollsBeforeResuming--;
            updateLag();
            return;
        }
        emptyPollsBeforeResuming = 0;
        if (records.isEmpty()) {
            commitSkipped();
        }
        unsettled = records.isEmpty() ? null : records;
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        RuntimeException stuck = null;
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
            if (stuck != null) {
                // Not handled this time: read from its first record again rather than skip it.
                consumer.seek(partition, batch.get(0).offset());
            } else {
                stuck = handlePartition(partition, batch, done);
            }
        }
        if (!done.isEmpty()) {
            pastMarkers(records, done);
            // Once per poll, not per record: a crash before this only means redelivery, which the inbox absorbs.
            commit(done);
        }
        unsettled = null;
        updateLag();
        if (stuck != null) {
            throw stuck;
        }
        int ended = liveness.succeeded(clock.instant());
        if (ended > 0) {
            LOG.infof("Consumer %s resumed after %d failed cycles", name, ended);
        }
    }

    /**
     * For a partition whose records of this poll were all applied, commits the consumer's position rather than the
     * last record's offset + 1: a transactional producer (the outbox relay) writes a commit marker after its
     * records, which no consumer receives, so the last record + 1 stays one short of the partition's end and a
     * rebuild waiting for the group to reach the ends would wait for the next event.
     */
    private void pastMarkers(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : done.entrySet()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(entry.getKey());
            if (!assigned.contains(entry.getKey()) || batch.isEmpty()
                    || entry.getValue().offset() != batch.get(batch.size() - 1).offset() + 1) {
                continue;
            }
            long position = consumer.position(entry.getKey());
            if (position > entry.getValue().offset()) {
                entry.setValue(new OffsetAndMetadata(position));
            }
        }
    }

    /**
     * After an empty poll: commits the position of every partition that moved past records no consumer receives
     * without a record to apply, such as an aborted relay transaction (its records and abort marker), or a commit
     * marker fetched after its records. Everything before the position was applied or skipped by then (a failed
     * cycle rewinds and does not get here), so a rebuild waiting for the committed offsets to reach the topics'
     * ends does not wait for the next event. Best effort: the next empty poll tries again.
     */
    private void commitSkipped() {
        try {
            Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
            for (TopicPartition partition : consumer.assignment()) {
                long position = consumer.position(partition, POLL_TIMEOUT);
                Long committed = committedHere.get(partition);
                if (committed == null || position > committed) {
                    moved.put(partition, new OffsetAndMetadata(position));
                }
            }
            if (!moved.isEmpty()) {
                commit(moved);
            }
        } catch (RuntimeException e) {
            LOG.debugf("Consumer %s could not commit its position after an empty poll: %s", name,
                    e.getClass().getSimpleName());
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        consumer.commitSync(offsets);
        offsets.forEach((partition, offset) -> committedHere.put(partition, offset.offset()));
    }

    private void failed(RuntimeException error) {
        failures.increment();
        emptyPollsBeforeResuming = EMPTY_POLLS_BEFORE_RESUMING;
        Duration backoff = liveness.failed(error);
        ConsumerHealth health = health();
        int inARow = health.consecutiveFailures();
        if ((inARow & (inARow - 1)) != 0) {
            // A long streak is logged at its 1st, 2nd, 4th, 8th… failure, not at every retry.
            LOG.debugf("Consumer %s failed on %s again (%d in a row)", name, error.getClass().getName(), inARow);
        } else if (ConsumerLiveness.isFatal(error)) {
            LOG.errorf("Consumer %s failed on %s (not cleared by retrying; readiness is DOWN), next try in %d ms",
                    name, error.getClass().getName(), backoff.toMillis());
        } else {
            LOG.warnf("Consumer %s failed on %s (%d in a row, %d s since its last successful poll), next try in %d ms",
                    name, error.getClass().getName(), inARow, health.secondsSincePoll(), backoff.toMillis());
        }
        pause(backoff);
    }

    /** Moves each partition of {@code records} that is still ours back to its first record there. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (assigned.contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    /**
     * Handles one partition's records in order, noting in {@code done} the offset to commit; returns the
     * infrastructure failure it had to stop on (the partition is then rewound to the failed record), else null.
     */
    private RuntimeException handlePartition(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records,
            Map<TopicPartition, OffsetAndMetadata> done) {
        try {
            if (applyAsOneTransaction(records)) {
                done.put(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
                return null;
            }
        } catch (DatabaseUnreachableException away) {
            consumer.seek(partition, records.get(0).offset());
            return away;
        }
        // One record at a time: isolates a failing event so that it alone is retried and dead-lettered.
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                handleWithRetries(record);
            } catch (RuntimeException infrastructure) {
                // Could not apply nor dead-letter it (database or broker away): read it again later. Logged at
                // debug only: failed() logs the streak at its 1st, 2nd, 4th, 8th… cycle, not at every retry.
                LOG.debugf("Consumer %s will retry %s-%d@%d: %s", name, partition.topic(), partition.partition(),
                        record.offset(), infrastructure.getClass().getSimpleName());
                consumer.seek(partition, record.offset());
                return infrastructure;
            }
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        return null;
    }

    /**
     * Applies one partition's records of a poll in one transaction: claims their ids in one statement, applies the
     * claimed ones in offset order (so per key) and commits once. Most of a record's cost applied alone is the
     * commit and the round trips around it; a replay reads hundreds of records a poll.
     *
     * @return false when the batch was not applied (a single record, one that is not an event, or a handler that
     *         threw: everything was rolled back and the records are to be applied one by one)
     * @throws DatabaseUnreachableException when the database is away: nothing was applied, read them again later
     */
    private boolean applyAsOneTransaction(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() < 2) {
            return false;
        }
        List<ReceivedEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(ReceivedEvent.of(record, mapper));
            } catch (MalformedEventException e) {
                return false;
            }
        }
        int fresh;
        try {
            fresh = QuarkusTransaction.requiringNew().call(() -> {
                Set<UUID> claimed = inbox.claimAll(name, events.stream().map(ReceivedEvent::id).toList());
                int handled = 0;
                for (ReceivedEvent event : events) {
                    // remove(): an event delivered twice in one poll is applied once.
                    if (claimed.remove(event.id())) {
                        handler.handle(event);
                        handled++;
                    }
                }
                if (handled > 0) {
                    handler.beforeCommit();
                }
                return handled;
            });
        } catch (Exception e) {
            if (DatabaseUnreachableException.isBehind(e)) {
                throw new DatabaseUnreachableException(e);
            }
            LOG.debugf("Consumer %s applies a batch of %d one by one after %s", name, events.size(),
                    RootCause.of(e).getClass().getSimpleName());
            return false;
        }
        applied.increment(fresh);
        return true;
    }

    private void handleWithRetries(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event;
        try {
            event = ReceivedEvent.of(record, mapper);
        } catch (MalformedEventException e) {
            deadLetter(record, e, 1);
            return;
        }
        Exception last = null;
        Duration backoff = settings.retryBackoff();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                boolean fresh = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.claim(name, event.id())) {
                        return false;
                    }
                    handler.handle(event);
                    handler.beforeCommit();
                    return true;
                });
                if (fresh) {
                    applied.increment();
                }
                return;
            } catch (Exception e) {
                if (DatabaseUnreachableException.isBehind(e)) {
                    // Not the event's fault: spend no attempt on it, back off and read it again (never dead-letter).
                    throw new DatabaseUnreachableException(e);
                }
                last = e;
                if (attempt < settings.maxAttempts()) {
                    pause(backoff);
                    backoff = backoff.multipliedBy(2);
                }
            }
        }
        LOG.warnf("Consumer %s gives up on %s after %d attempts: %s", name, event, settings.maxAttempts(),
                RootCause.of(last).getClass().getSimpleName());
        deadLetter(record, last, settings.maxAttempts());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error, int attempts) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        Throwable root = RootCause.of(error);
        add(headers, "arcc_dlq_consumer", name);
        add(headers, "arcc_dlq_original_topic", record.topic());
        add(headers, "arcc_dlq_original_partition", Integer.toString(record.partition()));
        add(headers, "arcc_dlq_original_offset", Long.toString(record.offset()));
        add(headers, "arcc_dlq_attempts", Integer.toString(attempts));
        add(headers, "arcc_dlq_error_class", root.getClass().getName());
        add(headers, "arcc_dlq_error_message", truncate(root.getMessage()));
        try {
            deadLetters.send(new ProducerRecord<>(Topics.deadLetter(record.topic()), null, record.key(), record.value(),
                    headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Dead-letter topic unreachable", e);
        }
        deadLettered.increment();
    }

    private void replayIfAsked() {
        Replay request = replay.get();
        if (request == null) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                request.resetProjection().run();
                inbox.forget(name);
            });
            // Rewind what we hold now; partitions assigned later start from the committed offsets we overwrite here.
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            consumer.beginningOffsets(consumer.assignment())
                    .forEach((tp, offset) -> start.put(tp, new OffsetAndMetadata(offset)));
            consumer.seekToBeginning(consumer.assignment());
            if (!start.isEmpty()) {
                commit(start);
            }
            LOG.infof("Consumer %s replays %s from the beginning", name, topics);
            request.done().complete(null);
        } catch (RuntimeException e) {
            request.done().completeExceptionally(e);
        } finally {
            replay.set(null);
        }
    }

    private void updateLag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String truncate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= MAX_ERROR_TEXT ? message : message.substring(0, MAX_ERROR_TEXT) + "…";
    }

    /** Waits, or less when {@link #stop()} is called. */
    private void pause(Duration duration) {
        // This thread belongs to the consumer and ends only through stop(): an interrupt (a Kafka client
        // InterruptException sets one) must not turn every later pause into a busy loop.
        Thread.interrupted();
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.interrupted();
        }
    }
}
