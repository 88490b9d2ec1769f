package org.arcc.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka client a service makes (the relay's and the dead letters' producers, the inbox consumers, the admin
 * client of the health check and the rebuild) authenticates the same way: on Kubernetes SCRAM-SHA-512 over TLS
 * against the Strimzi cluster CA, locally nothing.
 */
@UnitTest
class KafkaClientSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"cases\" password=\"from-the-strimzi-secret\";";
    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

    @Test
    void everyClientTakesTheClustersSecuritySettings() {
        KafkaClients clients = clientsWith(Optional.of("SASL_SSL"), Optional.of("SCRAM-SHA-512"), Optional.of(JAAS),
                Optional.of("PEM"), Optional.of(CA));

        for (Map<String, Object> config : List.of(clients.producerConfig("outbox-relay-arcc-cases"),
                clients.inboxConsumerConfig("cases-evidence", 50), clients.adminConfig())) {
            assertThat(config).containsEntry("bootstrap.servers", "arcc-kafka-bootstrap:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", JAAS)
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry("ssl.truststore.certificates", CA);
        }
    }

    @Test
    void unsetMeansKafkasOwnDefaultsPlaintext() {
        KafkaClients clients = clientsWith(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        for (Map<String, Object> config : List.of(clients.producerConfig("p"), clients.inboxConsumerConfig("g", 1),
                clients.adminConfig())) {
            assertThat(config).doesNotContainKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config",
                    "ssl.truststore.type", "ssl.truststore.certificates");
        }
    }

    private static KafkaClients clientsWith(Optional<String> protocol, Optional<String> mechanism, Optional<String> jaas,
            Optional<String> truststoreType, Optional<String> certificates) {
        KafkaClients clients = new KafkaClients();
        clients.settings = new KafkaSettings() {
            @Override
            public String bootstrapServers() {
                return "arcc-kafka-bootstrap:9093";
            }

            @Override
            public Optional<String> securityProtocol() {
                return protocol;
            }

            @Override
            public Optional<String> saslMechanism() {
                return mechanism;
            }

            @Override
            public Optional<String> saslJaasConfig() {
                return jaas;
            }

            @Override
            public Optional<String> sslTruststoreType() {
                return truststoreType;
            }

            @Override
            public Optional<String> sslTruststoreCertificates() {
                return certificates;
            }

            @Override
            public Duration producerMaxBlock() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration producerDeliveryTimeout() {
                return Duration.ofSeconds(20);
            }
        };
        return clients;
    }
}
