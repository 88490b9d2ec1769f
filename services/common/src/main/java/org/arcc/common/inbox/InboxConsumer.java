package org.arcc.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.arcc.contracts.Topics;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reads a consumer group's topics on its own thread and applies each event exactly once to the service's
 * database: the handler and the inbox claim share one transaction, offsets are committed only after the
 * events before them were applied or dead-lettered, and one partition's records are handled in order.
 */
public final class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);
    private static final int MAX_ERROR_TEXT = 300;

    private final String name;
    private final List<String> topics;
    private final EventHandler handler;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final Inbox inbox;
    private final ConsumerSettings settings;
    private final ObjectMapper mapper;
    private final AtomicLong lag = new AtomicLong();
    private final Counter deadLettered;
    private final Counter applied;
    private final AtomicReference<Replay> replay = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    private record Replay(Runnable resetProjection, CompletableFuture<Void> done) {
    }

    InboxConsumer(String name, List<String> topics, EventHandler handler, KafkaConsumer<String, byte[]> consumer,
            KafkaProducer<String, byte[]> deadLetters, Inbox inbox, ConsumerSettings settings, ObjectMapper mapper,
            MeterRegistry metrics) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.settings = settings;
        this.mapper = mapper;
        Gauge.builder("arcc.consumer.lag", lag, AtomicLong::get)
                .description("Records not yet consumed, summed over the consumer's partitions")
                .tag("consumer", name).register(metrics);
        this.deadLettered = Counter.builder("arcc.consumer.dead.letters")
                .description("Events sent to a dead-letter topic").tag("consumer", name).register(metrics);
        this.applied = Counter.builder("arcc.consumer.applied")
                .description("Events applied (duplicates excluded)").tag("consumer", name).register(metrics);
        this.thread = new Thread(this::run, "consumer-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        consumer.subscribe(topics);
        thread.start();
    }

    void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private void run() {
        try {
            while (running) {
                try {
                    replayIfAsked();
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(250));
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    boolean failed = false;
                    for (TopicPartition partition : records.partitions()) {
                        if (!handlePartition(partition, records.records(partition), done)) {
                            failed = true;
                            break;
                        }
                    }
                    if (!done.isEmpty()) {
                        // Once per poll, not per record: a crash before this only means redelivery, which the
                        // inbox absorbs.
                        consumer.commitSync(done);
                    }
                    if (failed) {
                        pause(settings.failureBackoff());
                    }
                    updateLag();
                } catch (WakeupException e) {
                    // stop() or replay(): the loop looks at both
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf("Consumer %s stopped on %s", name, e.getClass().getName());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Handles one partition's records in order, noting in {@code done} the offset to commit; false when it
     * had to stop early on an infrastructure failure (the partition is then rewound to the failed record).
     */
    private boolean handlePartition(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records,
            Map<TopicPartition, OffsetAndMetadata> done) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                handleWithRetries(record);
            } catch (RuntimeException infrastructure) {
                // Could not apply nor dead-letter it (database or broker away): read it again later.
                LOG.warnf("Consumer %s will retry %s-%d@%d: %s", name, partition.topic(), partition.partition(),
                        record.offset(), infrastructure.getClass().getSimpleName());
                consumer.seek(partition, record.offset());
                return false;
            }
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
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
                    return true;
                });
                if (fresh) {
                    applied.increment();
                }
                return;
            } catch (Exception e) {
                last = e;
                if (attempt < settings.maxAttempts()) {
                    pause(backoff);
                    backoff = backoff.multipliedBy(2);
                }
            }
        }
        LOG.warnf("Consumer %s gives up on %s after %d attempts: %s", name, event, settings.maxAttempts(),
                rootOf(last).getClass().getSimpleName());
        deadLetter(record, last, settings.maxAttempts());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error, int attempts) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        Throwable root = rootOf(error);
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
                consumer.commitSync(start);
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

    private static Throwable rootOf(Throwable error) {
        Throwable root = error;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? new IllegalStateException("unknown") : root;
    }

    private static String truncate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= MAX_ERROR_TEXT ? message : message.substring(0, MAX_ERROR_TEXT) + "…";
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
