package org.arcc.common.inbox;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.arcc.common.kafka.KafkaClients;
import org.arcc.common.telemetry.EventTracing;

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
 *
 * Each running consumer's liveness is in readiness ({@link EventConsumersHealthCheck}) and in metrics.
 */
@ApplicationScoped
public class EventConsumers {

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

    @Inject
    Clock clock;

    @Inject
    EventTracing tracing;

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
        InboxConsumer consumer = new InboxConsumer(name, topics, tracing.traced(name, handler),
                clients.inboxConsumer(name, settings.maxPollRecords()), deadLetters, inbox, settings, mapper, clock,
                metrics);
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

    /** Stops a consumer; it leaves health and metrics, and may be started again. */
    public synchronized void stop(String name) {
        get(name).stop();
        running.remove(name);
    }

    /** The liveness of every running consumer, by name. */
    public List<ConsumerHealth> health() {
        return running.values().stream().map(InboxConsumer::health)
                .sorted(Comparator.comparing(ConsumerHealth::consumer)).toList();
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
