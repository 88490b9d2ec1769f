package org.arcc.common.kafka;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where the Kafka cluster is, how every client authenticates to it, and how long a producer may wait on it before
 * giving up. The security settings are Kafka's own client properties, passed to every producer, consumer and admin
 * client as they are; unset (the local platform, the tests) means plaintext without authentication. On Kubernetes
 * (docs/deployment.md, "Kafka access") they are SCRAM-SHA-512 over TLS with the Strimzi user's JAAS line and the
 * cluster CA.
 */
@ConfigMapping(prefix = "kafka")
public interface KafkaSettings {

    @WithName("bootstrap.servers")
    String bootstrapServers();

    /** {@code security.protocol}, e.g. {@code SASL_SSL}. */
    @WithName("security.protocol")
    Optional<String> securityProtocol();

    /** {@code sasl.mechanism}, e.g. {@code SCRAM-SHA-512}. */
    @WithName("sasl.mechanism")
    Optional<String> saslMechanism();

    /** {@code sasl.jaas.config}: the login module line with the user's name and password (Strimzi writes it). */
    @WithName("sasl.jaas.config")
    Optional<String> saslJaasConfig();

    /** {@code ssl.truststore.type}, e.g. {@code PEM}. */
    @WithName("ssl.truststore.type")
    Optional<String> sslTruststoreType();

    /** {@code ssl.truststore.certificates}: the CA certificates themselves, PEM (no file to mount). */
    @WithName("ssl.truststore.certificates")
    Optional<String> sslTruststoreCertificates();

    /** Longest a send may block waiting for metadata when the broker is away. */
    @WithName("producer.max-block")
    @WithDefault("5s")
    Duration producerMaxBlock();

    /** Longest a record may take to be acknowledged, retries included. */
    @WithName("producer.delivery-timeout")
    @WithDefault("20s")
    Duration producerDeliveryTimeout();
}
