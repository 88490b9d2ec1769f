package org.arcc.common.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.arcc.common.kafka.KafkaClients;
import org.arcc.common.kafka.KafkaSettings;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Starts and stops the service's event consumers. A service starts each one once, at startup:
 *
 * <pre>{@code
 * void onStart(@Observes StartupEvent e) {
 *     consumers.start("reporting-cases", List.of(Topics.CASES), this::apply);
 * }
 * }</pre>
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    KafkaSettings kafka;

    @Inject
    KafkaClients clients;

    @Inject
    Inbox inbox;

    @Inject
    ConsumerSettings settings;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry metrics;

    private final Map<String, InboxConsumer> running = new ConcurrentHashMap<>();
    private KafkaProducer<String, byte[]> deadLetters;

    /**
     * Starts a consumer.
     *
     * @param name    consumer group id and inbox key; stable, e.g. {@code reporting-cases}
     * @param topics  topics it reads
     * @param handler applies one event inside the inbox transaction
     */
    public synchronized InboxConsumer start(String name, List<String> topics, EventHandler handler) {
        if (running.containsKey(name)) {
            throw new IllegalStateException("Consumer " + name + " is already running");
        }
        if (deadLetters == null) {
            deadLetters = clients.idempotentProducer("dead-letters");
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, name);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        InboxConsumer consumer = new InboxConsumer(name, topics, handler, new KafkaConsumer<>(config), deadLetters,
                inbox, settings, mapper, metrics);
        running.put(name, consumer);
        consumer.start();
        return consumer;
    }

    public InboxConsumer get(String name) {
        InboxConsumer consumer = running.get(name);
        if (consumer == null) {
            throw new IllegalArgumentException("No consumer named " + name);
        }
        return consumer;
    }

    synchronized void stopAll(@Observes ShutdownEvent event) {
        running.values().forEach(InboxConsumer::stop);
        running.clear();
        if (deadLetters != null) {
            deadLetters.close(java.time.Duration.ofSeconds(5));
            deadLetters = null;
        }
    }
}
