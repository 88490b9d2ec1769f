package org.arcc.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.arcc.common.events.StepService;
import org.arcc.common.events.StepTables;
import org.arcc.common.events.StepTopic;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A relay that dies after Kafka committed its batch but before its database transaction (which deletes the
 * published rows) committed: the rows come back, another relay publishes them again, and the consumer's
 * inbox makes sure nothing is applied twice.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "backbone"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class RelayCrashTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    StepService steps;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Test
    void republishedEventsAreAppliedOnce() throws Exception {
        List<String> aggregates = StepTopic.aggregates("crash", 5);
        String run = StepTopic.runOf(aggregates);

        try (Connection doomed = dataSource.getConnection()) {
            doomed.setAutoCommit(false);
            // This relay holds the publishing lock, so the instance's own relay stays out of the way.
            try (PreparedStatement lock = doomed.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next() && rs.getBoolean(1)).as("publishing lock").isTrue();
                }
            }
            steps.commit(aggregates, 1, 4);

            assertThat(relay.publishBatch(doomed)).as("published by the doomed relay").isGreaterThanOrEqualTo(20);
            await().atMost(PATIENCE).until(() -> StepTopic.timesPublished(run).size() == 20);

            doomed.rollback(); // killed: the deletes of the published rows never commit
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(StepTopic.timesPublished(run)).hasSize(20)
                .allSatisfy((id, times) -> assertThat(times).as("publications of " + id).isEqualTo(2)));
        await().atMost(PATIENCE).until(() -> StepTables.waiting(dataSource, run) == 0);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> StepTables.applied(dataSource, run) == 20);
        assertThat(StepTables.outOfOrder(dataSource, run)).isZero();
    }
}
