package org.arcc.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Publishes events as another service would (CloudEvents binary mode, key = aggregate id), for tests of a
 * service that consumes them without running the producing service.
 */
public final class CloudEventPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, byte[]> producer;
    private final String source;

    public CloudEventPublisher(String bootstrapServers, String source) {
        this.source = source;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Sends one event and waits until the broker has it. */
    public void publish(String topic, String type, String aggregateId, Object payload) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, aggregateId, JSON.writeValueAsBytes(payload));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_source", source);
            header(record, "ce_type", type);
            header(record, "ce_time", Instant.now().toString());
            header(record, "ce_subject", aggregateId);
            header(record, "content-type", "application/json");
            producer.send(record).get();
        } catch (ExecutionException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not publish " + type + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
