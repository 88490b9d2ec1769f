package org.arcc.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning with a throw-away consumer group, for tests that check what reached the
 * broker. Like the platform's consumers it reads committed records only. Fails with a message naming the topic and what it saw when the expected record never arrives.
 */
public final class KafkaTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public KafkaTopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /**
     * The first record, among those read so far and those still to come, that matches {@code expected};
     * fails after {@code timeout}.
     */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> expected,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        do {
            for (; checked < seen.size(); checked++) {
                if (expected.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } while (System.nanoTime() < deadline || checked < seen.size());
        throw new AssertionError("No matching record on " + topic + " within " + timeout.toSeconds() + " s; saw "
                + seen.size() + " other record(s). Is the broker running and the outbox relay publishing?");
    }

    /** Reads until the topic has been quiet for {@code quiet}, and returns every record read so far. */
    public List<ConsumerRecord<String, String>> readUntilQuiet(Duration quiet) {
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
                quietSince = System.nanoTime();
            }
        }
        return seen();
    }

    /** Every record read so far, matching or not. */
    public List<ConsumerRecord<String, String>> seen() {
        return List.copyOf(seen);
    }

    /** The value of a header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
