package org.arcc.common.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.utils.Utils;
import org.arcc.common.inbox.ConsumerHealth;
import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.kafka.FaultInjectingKafkaClients;
import org.arcc.common.time.AdjustableClock;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * A consumer that meets errors from its Kafka client (a commit refused after a rebalance, polls that keep
 * failing, an authorisation error, a dead-letter topic it cannot reach, a thread that dies) against a real
 * broker and a real PostgreSQL: it backs off and resumes, applies every event exactly once, skips none, and
 * readiness and metrics say how it is doing. The client
 * errors are injected by wrapping the real consumer ({@link FaultInjectingKafkaClients}); time moves on a
 * test clock.
 */
@QuarkusTest
@TestProfile(ConsumerResilienceTest.Faults.class)
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "resilience"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ConsumerResilienceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration STALL_LIMIT = Duration.ofMinutes(2);
    /** {@code num.partitions} of the in-process broker. */
    private static final int PARTITIONS = 3;

    public static class Faults implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FaultInjectingKafkaClients.class, AdjustableClock.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("arcc.consumer.failure-backoff", "50ms", "arcc.consumer.failure-backoff-max", "400ms",
                    "arcc.consumer.stall-limit", "2m");
        }
    }

    @Inject
    StepService steps;

    @Inject
    EventConsumers consumers;

    @Inject
    FaultInjectingKafkaClients kafka;

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource dataSource;

    @Inject
    StepProjection projection;

    @BeforeEach
    void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void heal() {
        projection.databaseBack();
        kafka.of(StepProjection.CONSUMER).heal();
        kafka.deadLetterTopicDown(false);
    }

    @Test
    void anEventThatCanNeitherBeAppliedNorDeadLetteredHoldsBackNoOtherPartition() throws Exception {
        List<String> aggregates = onEveryPartition("held");
        String run = StepTopic.runOf(aggregates);
        FaultInjectingKafkaClients.Faults faults = kafka.of(StepProjection.CONSUMER);
        int thrownBefore = faults.thrown();
        // Hold the consumer back until every partition has its events, so that one poll returns them all.
        faults.failPolls(() -> new KafkaException("injected: poll failed"));
        await().atMost(PATIENCE).until(() -> faults.thrown() > thrownBefore);
        for (String aggregate : aggregates) {
            steps.commitPoison(aggregate, 1);
            steps.commit(List.of(aggregate), 1, 1);
        }
        await().atMost(PATIENCE).until(() -> StepTopic.timesPublished(run).size() == 2 * aggregates.size());
        kafka.deadLetterTopicDown(true);

        faults.heal();
        // Stuck on the first partition it handles: the poison step can be neither applied nor dead-lettered.
        await().atMost(PATIENCE).until(() -> "IllegalStateException".equals(health(StepProjection.CONSUMER).lastError()));
        kafka.deadLetterTopicDown(false);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(StepTables.applied(dataSource, run))
                .as("step 1 of each aggregate, one per partition").isEqualTo(aggregates.size()));
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE)
                .until(() -> StepTables.applied(dataSource, run) == aggregates.size());
        assertThat(StepTables.outOfOrder(dataSource, run)).isZero();
    }

    @Test
    void aValidEventIsNotDeadLetteredWhileTheConsumersOwnDatabaseIsAwayButAppliedOnceItIsBack() throws Exception {
        List<String> aggregate = StepTopic.aggregates("database-away", 1);
        String run = StepTopic.runOf(aggregate);
        double deadLetteredBefore = projection.consumer().deadLettered();
        projection.databaseAwayFor(run);

        steps.commit(aggregate, 1, 2);

        // Well past arcc.consumer.max-attempts (3), after which an event that fails is dead-lettered.
        await().atMost(PATIENCE).until(() -> projection.attemptsWhileAway() >= 6);
        assertThat(health(StepProjection.CONSUMER).lastError()).isEqualTo("DatabaseUnreachableException");
        assertThat(health(StepProjection.CONSUMER).consecutiveFailures()).isGreaterThanOrEqualTo(6);
        assertThat(StepTables.applied(dataSource, run)).isZero();

        projection.databaseBack();

        await().atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == 2);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == 2);
        assertThat(StepTables.outOfOrder(dataSource, run)).as("steps applied out of order or twice").isZero();
        assertThat(projection.consumer().deadLettered()).as("dead-lettered").isEqualTo(deadLetteredBefore);
        assertThat(health(StepProjection.CONSUMER).consecutiveFailures()).isZero();
    }

    @Test
    void aCommitRefusedAfterARebalanceIsRetriedAndEveryEventIsAppliedOnce() throws Exception {
        List<String> aggregate = StepTopic.aggregates("commit-failed", 1);
        String run = StepTopic.runOf(aggregate);
        FaultInjectingKafkaClients.Faults faults = kafka.of(StepProjection.CONSUMER);
        int thrownBefore = faults.thrown();
        double failuresBefore = metric("arcc_consumer_failures_total", StepProjection.CONSUMER);
        faults.failNextCommit(() -> new CommitFailedException("injected: the group rebalanced before the commit"));

        steps.commit(aggregate, 1, 1);

        await().atMost(PATIENCE).until(() -> faults.thrown() > thrownBefore);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(faults.deliveriesOf(run))
                .as("the uncommitted event is read again").hasSize(1)
                .allSatisfy((id, times) -> assertThat(times).isGreaterThanOrEqualTo(2)));
        assertThat(metric("arcc_consumer_failures_total", StepProjection.CONSUMER)).isGreaterThan(failuresBefore);

        steps.commit(aggregate, 2, 2);
        await().atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == 2);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == 2);
        assertThat(StepTables.outOfOrder(dataSource, run)).as("steps applied out of order or twice").isZero();
        assertThat(health(StepProjection.CONSUMER).consecutiveFailures()).isZero();
    }

    @Test
    void failuresShowWhileTheyLastReadinessTurnsDownPastTheStallLimitAndTheConsumerResumes() throws Exception {
        List<String> aggregate = StepTopic.aggregates("stalled", 1);
        String run = StepTopic.runOf(aggregate);
        FaultInjectingKafkaClients.Faults faults = kafka.of(StepProjection.CONSUMER);
        int thrownBefore = faults.thrown();
        faults.failPolls(() -> new KafkaException("injected: poll failed"));
        await().atMost(PATIENCE).until(() -> faults.thrown() > thrownBefore);
        steps.commit(aggregate, 1, 1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            ready().statusCode(200)
                    .body("checks.find { it.name == 'event-consumers' }.data['test-steps']", equalTo("UP"))
                    .body("checks.find { it.name == 'event-consumers' }.data['test-steps.last-error']",
                            equalTo("KafkaException"));
            assertThat(health(StepProjection.CONSUMER).consecutiveFailures()).isGreaterThanOrEqualTo(3);
            assertThat(metric("arcc_consumer_consecutive_failures", StepProjection.CONSUMER)).isGreaterThanOrEqualTo(3);
            assertThat(metric("arcc_consumer_failures_total", StepProjection.CONSUMER)).isGreaterThanOrEqualTo(3);
        });
        assertThat(metric("arcc_consumer_alive", StepProjection.CONSUMER)).isEqualTo(1);
        assertThat(metric("arcc_consumer_ready", StepProjection.CONSUMER)).isEqualTo(1);
        assertThat(StepTables.applied(dataSource, run)).as("nothing is read while polls fail").isZero();

        clock.advance(STALL_LIMIT.plusSeconds(1));

        ready().statusCode(503)
                .body("checks.find { it.name == 'event-consumers' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'event-consumers' }.data['test-steps']",
                        startsWith("DOWN: no successful poll for 1"));
        assertThat(metric("arcc_consumer_ready", StepProjection.CONSUMER)).isZero();
        assertThat(metric("arcc_consumer_seconds_since_poll", StepProjection.CONSUMER))
                .isGreaterThan(STALL_LIMIT.toSeconds());

        faults.heal();

        await().atMost(PATIENCE).untilAsserted(() -> ready().statusCode(200));
        await().atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == 1);
        steps.commit(aggregate, 2, 2);
        await().atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == 2);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == 2);
        assertThat(StepTables.outOfOrder(dataSource, run)).isZero();
        assertThat(metric("arcc_consumer_consecutive_failures", StepProjection.CONSUMER)).isZero();
    }

    @Test
    void anAuthorisationErrorTurnsReadinessDownAtOnceAndTheConsumerResumesOnceItIsFixed() throws Exception {
        List<String> aggregate = StepTopic.aggregates("unauthorised", 1);
        String run = StepTopic.runOf(aggregate);
        FaultInjectingKafkaClients.Faults faults = kafka.of(StepProjection.CONSUMER);
        faults.failPolls(() -> new GroupAuthorizationException("injected: not authorised", StepProjection.CONSUMER));
        steps.commit(aggregate, 1, 1);

        await().atMost(PATIENCE).untilAsserted(() -> ready().statusCode(503)
                .body("checks.find { it.name == 'event-consumers' }.data['test-steps']",
                        startsWith("DOWN: GroupAuthorizationException is not cleared by retrying")));

        faults.heal();

        await().atMost(PATIENCE).untilAsserted(() -> ready().statusCode(200));
        await().atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == 1);
    }

    @Test
    void aConsumerWhoseThreadDiedTurnsReadinessDown() {
        String doomed = "test-doomed";
        kafka.of(doomed).failPolls(() -> new InjectedCrash());
        consumers.start(doomed, List.of(Step.TOPIC), event -> {
        });
        try {
            await().atMost(PATIENCE).untilAsserted(() -> ready().statusCode(503)
                    .body("checks.find { it.name == 'event-consumers' }.data['test-doomed']",
                            startsWith("DOWN: thread ended on InjectedCrash"))
                    .body("checks.find { it.name == 'event-consumers' }.data['test-doomed.alive']", equalTo(false))
                    .body("checks.find { it.name == 'event-consumers' }.data['test-steps']", equalTo("UP")));
            assertThat(metric("arcc_consumer_alive", doomed)).isZero();
            assertThat(metric("arcc_consumer_ready", doomed)).isZero();
        } finally {
            consumers.stop(doomed);
        }
        ready().statusCode(200);
    }

    /** Stands for what a thread cannot survive (out of memory, a stack overflow). */
    static final class InjectedCrash extends Error {
        InjectedCrash() {
            super("injected: the consumer thread dies");
        }
    }

    /** One aggregate id per partition of the step topic, as the producer's default partitioner places keys. */
    private static List<String> onEveryPartition(String prefix) {
        String run = StepTopic.runOf(StepTopic.aggregates(prefix, 1));
        Map<Integer, String> byPartition = new TreeMap<>();
        for (int i = 0; byPartition.size() < PARTITIONS; i++) {
            String aggregate = run + i;
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(aggregate.getBytes(StandardCharsets.UTF_8))) % PARTITIONS,
                    aggregate);
        }
        return List.copyOf(byPartition.values());
    }

    private ConsumerHealth health(String consumer) {
        return consumers.get(consumer).health();
    }

    private static ValidatableResponse ready() {
        return given().when().get("/q/health/ready").then();
    }

    /** A sample from {@code /q/metrics} for one consumer; -1 when it is not there. */
    private static double metric(String name, String consumer) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{consumer=\"" + Pattern.quote(consumer) + "\"[^}]*} (\\S+)$")
                .matcher(body);
        return sample.find() ? Double.parseDouble(sample.group(1)) : -1;
    }

}
