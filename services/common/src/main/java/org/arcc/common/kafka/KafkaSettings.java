package org.arcc.common.kafka;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where the Kafka cluster is, and how long a producer may wait on it before giving up. */
@ConfigMapping(prefix = "kafka")
public interface KafkaSettings {

    @WithName("bootstrap.servers")
    String bootstrapServers();

    /** Longest a send may block waiting for metadata when the broker is away. */
    @WithName("producer.max-block")
    @WithDefault("5s")
    Duration producerMaxBlock();

    /** Longest a record may take to be acknowledged, retries included. */
    @WithName("producer.delivery-timeout")
    @WithDefault("20s")
    Duration producerDeliveryTimeout();
}
