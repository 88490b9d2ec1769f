package org.arcc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.arcc.testing.EventSchemas;
import org.junit.jupiter.api.Test;

/** The bench's synthetic history is what the services publish: every payload fits its contract's JSON Schema. */
class SyntheticHistoryTest {

    @Test
    void everyEventFitsItsJsonSchemaAndGoesToItsTopicAsACloudEvent() {
        Set<String> types = new HashSet<>();
        for (int n : List.of(0, 1, 2, 3, 1_000_000, 1_234_567)) {
            for (SyntheticHistory.Event event : SyntheticHistory.ofCase(n)) {
                types.add(event.type().type());
                assertThat(EventSchemas.validate(event.type().type(), new String(event.json(), StandardCharsets.UTF_8)))
                        .as("%s of case %d against its schema", event.type().type(), n).isEmpty();
                ProducerRecord<String, byte[]> record = SyntheticHistory.record(event);
                assertThat(record.topic()).isEqualTo(event.type().topic());
                assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                        .isEqualTo(event.type().type());
                assertThat(record.key()).isEqualTo(event.key());
            }
        }
        assertThat(types).hasSize(9);
    }

    @Test
    void theSameCaseNumberGivesTheSameCaseAndOthersDiffer() {
        assertThat(SyntheticHistory.ofCase(7).get(0).payload()).isEqualTo(SyntheticHistory.ofCase(7).get(0).payload());
        assertThat(IntStream.range(0, 50).mapToObj(n -> SyntheticHistory.ofCase(n).get(0).key()).distinct().count())
                .isEqualTo(50);
    }

    @Test
    void portsComeFromTheSameVariablesAsTheLocalPlatform() {
        assertThat(BenchTarget.fromEnvironment(Map.of())).isEqualTo(new BenchTarget("localhost:9092",
                "http://localhost:8180/realms/arcc", "http://localhost:8080"));
        assertThat(BenchTarget.fromEnvironment(Map.of("ARCC_KAFKA_PORT", "29092", "ARCC_KEYCLOAK_PORT", "28180",
                "ARCC_GATEWAY_PORT", "28080"))).isEqualTo(new BenchTarget("localhost:29092",
                "http://localhost:28180/realms/arcc", "http://localhost:28080"));
    }

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        IntStream.rangeClosed(1, 200).forEach(latencies::add);
        assertThat(latencies.percentile(50)).isEqualTo(100);
        assertThat(latencies.percentile(99)).isEqualTo(198);
        assertThat(latencies.max()).isEqualTo(200);
    }
}
