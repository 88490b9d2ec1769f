package org.arcc.common.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;

/** What the backbone tests look at on the broker, and fresh aggregate ids per test. */
public final class StepTopic {

    private StepTopic() {
    }

    /** {@code n} aggregate ids {@code <prefix>-<run>-<i>} unique to this call; the run part is 8 characters. */
    public static List<String> aggregates(String prefix, int n) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return IntStream.range(0, n).mapToObj(i -> prefix + "-" + run + "-" + i).toList();
    }

    /** The id prefix shared by all aggregates of one {@link #aggregates} call. */
    public static String runOf(List<String> aggregates) {
        String first = aggregates.get(0);
        return first.substring(0, first.lastIndexOf('-') + 1);
    }

    public static List<ConsumerRecord<String, String>> readAll() {
        try (KafkaTopicReader reader = new KafkaTopicReader(KafkaBrokerResource.broker().bootstrapServers(), Step.TOPIC)) {
            return reader.readUntilQuiet(Duration.ofSeconds(2));
        }
    }

    /** How many times each event id of aggregates whose id starts with the prefix is on the topic. */
    public static Map<String, Long> timesPublished(String keyPrefix) {
        return readAll().stream().filter(r -> r.key() != null && r.key().startsWith(keyPrefix))
                .collect(Collectors.groupingBy(r -> KafkaTopicReader.header(r, "ce_id"), Collectors.counting()));
    }
}
