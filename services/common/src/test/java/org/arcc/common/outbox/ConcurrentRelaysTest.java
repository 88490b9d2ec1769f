package org.arcc.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.arcc.common.events.StepTopic;
import org.arcc.common.events.StepService;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Several relays on one database (as with two instances of a service) while events are being committed:
 * each event is published exactly once, because a batch runs only under the database's advisory lock.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "backbone"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ConcurrentRelaysTest {

    @Inject
    StepService steps;

    @Inject
    OutboxRelay relay;

    @Test
    void racingRelaysNeverPublishARowTwice() throws Exception {
        List<String> aggregates = StepTopic.aggregates("race", 10);
        AtomicBoolean committing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Long>> extraRelays = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                extraRelays.add(pool.submit(() -> {
                    long published = 0;
                    while (committing.get()) {
                        published += relay.publishBatch();
                    }
                    return published;
                }));
            }
            for (int from = 1; from <= 30; from += 3) {
                steps.commit(aggregates, from, from + 2);
            }
        } finally {
            committing.set(false);
            pool.shutdown();
        }
        for (Future<Long> extra : extraRelays) {
            extra.get();
        }
        String run = StepTopic.runOf(aggregates);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(StepTopic.timesPublished(run))
                .hasSize(300)
                .allSatisfy((id, times) -> assertThat(times).as("publications of event " + id).isEqualTo(1)));
    }
}
