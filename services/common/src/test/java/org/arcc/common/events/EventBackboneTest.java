package org.arcc.common.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arcc.contracts.Topics;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The event backbone against a real broker and a real PostgreSQL: outbox, relay, inbox, dead letters and
 * replay, through outages and poison. A relay crash is in {@code RelayCrashTest}, racing relays in
 * {@code ConcurrentRelaysTest}.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "backbone"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class EventBackboneTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    StepService steps;

    @Inject
    StepProjection projection;

    @Inject
    DataSource dataSource;

    @Test
    void everyEventArrivesOnceAndInOrderAfterABrokerOutage() throws Exception {
        List<String> aggregates = StepTopic.aggregates("outage", 20);
        KafkaBrokerResource.broker().stop();
        try {
            for (int from = 1; from <= 50; from += 5) {
                steps.commit(aggregates, from, from + 4); // 20 aggregates x 5 steps = 100 events per transaction
            }
            assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id LIKE 'outage-%'"))
                    .as("all 1,000 events wait in the outbox while the broker is down").isEqualTo(1000);
        } finally {
            KafkaBrokerResource.broker().start();
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(applied("outage")).isEqualTo(1000));
        assertThat(count("SELECT count(DISTINCT (aggregate_id, seq)) FROM step_projection WHERE aggregate_id LIKE 'outage-%'"))
                .isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM order_violation WHERE aggregate_id LIKE 'outage-%'"))
                .as("steps applied out of order").isZero();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                count("SELECT count(*) FROM outbox_event WHERE aggregate_id LIKE 'outage-%'"))
                .as("published rows are cleaned up").isZero());
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() throws Exception {
        String aggregate = "poison-" + UUID.randomUUID();
        double before = projection.consumer().deadLettered();
        steps.commitPoison(aggregate, 1);
        steps.commit(List.of(aggregate), 1, 1);

        await().atMost(PATIENCE).until(() -> applied(aggregate) == 1);
        try (KafkaTopicReader dlq = new KafkaTopicReader(KafkaBrokerResource.broker().bootstrapServers(),
                Topics.deadLetter(Step.TOPIC))) {
            ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> aggregate.equals(r.key()), PATIENCE);
            assertThat(KafkaTopicReader.header(dead, "arcc_dlq_error_class")).isEqualTo(IllegalStateException.class.getName());
            assertThat(KafkaTopicReader.header(dead, "arcc_dlq_error_message")).isEqualTo("poison step 1");
            assertThat(KafkaTopicReader.header(dead, "arcc_dlq_attempts")).isEqualTo("3");
            assertThat(KafkaTopicReader.header(dead, "arcc_dlq_original_topic")).isEqualTo(Step.TOPIC);
            assertThat(KafkaTopicReader.header(dead, "ce_type")).isEqualTo("arcc.test.step.v1");
        }
        assertThat(projection.consumer().deadLettered()).isGreaterThan(before);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("arcc_consumer_dead_letters_total{consumer=\"test-steps\"}"))
                .body(containsString("arcc_consumer_lag{consumer=\"test-steps\"}"));
    }

    @Test
    void aRecordThatIsNotAnEventIsDeadLetteredAtOnce() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.broker().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Step.TOPIC, key, "not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        String after = "after-garbage-" + UUID.randomUUID();
        steps.commit(List.of(after), 1, 1);
        await().atMost(PATIENCE).until(() -> applied(after) == 1);
        try (KafkaTopicReader dlq = new KafkaTopicReader(KafkaBrokerResource.broker().bootstrapServers(),
                Topics.deadLetter(Step.TOPIC))) {
            ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> key.equals(r.key()), PATIENCE);
            assertThat(KafkaTopicReader.header(dead, "arcc_dlq_attempts")).isEqualTo("1");
            assertThat(KafkaTopicReader.header(dead, "arcc_dlq_error_class"))
                    .isEqualTo("org.arcc.common.inbox.MalformedEventException");
        }
    }

    @Test
    void replayRebuildsTheProjectionFromTheStartOfTheTopic() throws Exception {
        List<String> aggregates = StepTopic.aggregates("replay", 4);
        String run = StepTopic.runOf(aggregates);
        steps.commit(aggregates, 1, 10);
        await().atMost(PATIENCE).until(() -> applied(run) == 40);
        // Damage the projection the way a bad deploy would: steps lost, a step that no event ever said.
        execute("DELETE FROM step_projection WHERE aggregate_id LIKE '" + run + "%' AND seq > 5");
        execute("INSERT INTO step_projection (aggregate_id, seq, event_id) VALUES ('" + run + "bogus', 1, '"
                + UUID.randomUUID() + "')");
        assertThat(applied(run)).as("damaged before the replay").isEqualTo(21);

        projection.consumer().replay(projection::reset).get(30, TimeUnit.SECONDS);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(applied(run)).isEqualTo(40));
        assertThat(count("SELECT count(*) FROM step_projection WHERE aggregate_id = '" + run + "bogus'"))
                .as("what no event said is gone").isZero();
        assertThat(count("SELECT count(DISTINCT (aggregate_id, seq)) FROM step_projection WHERE aggregate_id LIKE '"
                + run + "%' AND seq BETWEEN 1 AND 10")).as("every step once").isEqualTo(40);
        assertThat(count("SELECT count(*) FROM order_violation")).isZero();
    }

    private void execute(String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long applied(String prefix) throws SQLException {
        return StepTables.applied(dataSource, prefix);
    }

    private long count(String sql) throws SQLException {
        return StepTables.count(dataSource, sql);
    }
}
