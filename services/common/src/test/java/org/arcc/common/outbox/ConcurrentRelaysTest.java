package org.arcc.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * Two relays on one database (as with two instances of a service): while one holds a batch, the other publishes
 * nothing and does not wait for it, because a batch runs only under the database's advisory lock. Without the
 * lock the second relay would queue on the first one's row locks (and, once it got them, race it for the next
 * rows), so the test gives it a few seconds while the first batch is still open: only the lock makes it answer.
 * Afterwards every event is published exactly once.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "backbone"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ConcurrentRelaysTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    StepService steps;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Test
    void whileOneRelayHoldsABatchAnotherPublishesNothingAndDoesNotWait() throws Exception {
        List<String> aggregates = StepTopic.aggregates("race", 10);
        String run = StepTopic.runOf(aggregates);
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            // The first relay's transaction takes the publishing lock before the events exist, so the instance's
            // own background relay cannot publish them first.
            // (The background relay holds it for a moment once a second: wait for it.)
            await().atMost(PATIENCE).until(() -> tryPublishingLock(first));
            steps.commit(aggregates, 1, 3);
            assertThat(relay.publishBatch(first)).as("published by the first relay, not yet committed")
                    .isGreaterThanOrEqualTo(30);

            Future<Integer> other = second.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    int published = relay.publishBatch(connection);
                    connection.commit();
                    return published;
                }
            });
            try {
                assertThat(other.get(5, TimeUnit.SECONDS)).as("published by the second relay meanwhile").isZero();
            } finally {
                first.commit();
            }
        } finally {
            second.shutdownNow();
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(StepTopic.timesPublished(run))
                .hasSize(30)
                .allSatisfy((id, times) -> assertThat(times).as("publications of event " + id).isEqualTo(1)));
        assertThat(StepTables.waiting(dataSource, run)).as("published rows are deleted").isZero();
    }

    private static boolean tryPublishingLock(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, OutboxRelay.LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
