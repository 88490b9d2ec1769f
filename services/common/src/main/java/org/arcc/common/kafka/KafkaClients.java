package org.arcc.common.kafka;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Creates Kafka clients configured the one way ARCC services use them. */
@ApplicationScoped
public class KafkaClients {

    @Inject
    KafkaSettings settings;

    /**
     * An idempotent producer ({@code acks=all}, idempotence on, at most 5 in flight) so that retries after a
     * lost acknowledgement neither duplicate nor reorder records of one partition.
     */
    public KafkaProducer<String, byte[]> idempotentProducer(String clientId) {
        return new KafkaProducer<>(producerConfig(clientId));
    }

    Map<String, Object> producerConfig(String clientId) {
        Map<String, Object> config = connection();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.producerMaxBlock().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(settings.producerDeliveryTimeout().toMillis(), 10_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.producerDeliveryTimeout().toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /**
     * A transactional producer (idempotent as well): the outbox relay publishes each batch in one Kafka
     * transaction, so a batch that fails half-way is aborted and invisible to {@code read_committed}
     * consumers, and its retry cannot overtake or reorder what was published before.
     *
     * @param transactionalId unique per running producer
     */
    public KafkaProducer<String, byte[]> transactionalProducer(String clientId, String transactionalId) {
        Map<String, Object> config = producerConfig(clientId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) Math.max(settings.producerDeliveryTimeout().toMillis() + 10_000, 30_000));
        return new KafkaProducer<>(config);
    }

    /**
     * A consumer for an inbox consumer group: offsets committed by hand after the events before them were applied,
     * only committed transactions read, a new group starting from the beginning of its topics.
     *
     * @param group consumer group id, also the client id
     */
    public Consumer<String, byte[]> inboxConsumer(String group, int maxPollRecords) {
        return new KafkaConsumer<>(inboxConsumerConfig(group, maxPollRecords));
    }

    Map<String, Object> inboxConsumerConfig(String group, int maxPollRecords) {
        Map<String, Object> config = connection();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    public Admin admin() {
        return Admin.create(adminConfig());
    }

    Map<String, Object> adminConfig() {
        Map<String, Object> config = connection();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        return config;
    }

    /** Where the cluster is and how to authenticate to it: the same for every client. */
    private Map<String, Object> connection() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        settings.securityProtocol().ifPresent(v -> config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, v));
        settings.saslMechanism().ifPresent(v -> config.put(SaslConfigs.SASL_MECHANISM, v));
        settings.saslJaasConfig().ifPresent(v -> config.put(SaslConfigs.SASL_JAAS_CONFIG, v));
        settings.sslTruststoreType().ifPresent(v -> config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, v));
        settings.sslTruststoreCertificates().ifPresent(v -> config.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, v));
        return config;
    }
}
