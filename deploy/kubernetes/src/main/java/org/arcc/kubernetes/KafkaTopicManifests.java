package org.arcc.kubernetes;

import java.util.stream.Collectors;

/** Writes the {@code KafkaTopic} resources of an environment from the {@link TopicCatalogue}. */
public final class KafkaTopicManifests {

    /** How durable an environment's topics are. */
    public enum Durability {
        /** One broker: one copy of each record. */
        DEV(1, 1),
        /** Three brokers: three copies, a write acknowledged by two, so one broker may be down at any time. */
        PRODUCTION(3, 2);

        final int replicas;
        final int minInsyncReplicas;

        Durability(int replicas, int minInsyncReplicas) {
            this.replicas = replicas;
            this.minInsyncReplicas = minInsyncReplicas;
        }
    }

    private KafkaTopicManifests() {
    }

    public static String render(Durability durability) {
        String header = """
                # GENERATED from the topic catalogue (services/contracts, org.arcc.contracts.Topics) by KafkaTopicManifests:
                # do not edit. Regenerate with
                #   ./mvnw -o -q -pl deploy/kubernetes -am verify -Dtest=GeneratedManifestsTest \\
                #     -Dsurefire.failIfNoSpecifiedTests=false -Darcc.kubernetes.regenerate=true
                """;
        return header + TopicCatalogue.all().stream().map(topic -> """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: %s
                  labels:
                    strimzi.io/cluster: arcc
                    app.kubernetes.io/part-of: arcc
                spec:
                  partitions: %d
                  replicas: %d
                  config:
                    min.insync.replicas: %d
                    retention.ms: %d
                    cleanup.policy: delete
                """.formatted(topic.name(), topic.partitions(), durability.replicas, durability.minInsyncReplicas,
                topic.retentionMs())).collect(Collectors.joining("---\n"));
    }
}
