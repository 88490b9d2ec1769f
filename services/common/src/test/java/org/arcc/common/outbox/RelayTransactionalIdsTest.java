package org.arcc.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * Each replica's relay has a transactional id of its own, so that two replicas of a service never fence each other's
 * producer (Kafka aborts the transaction of the older producer of an id when a newer one starts), and each id starts
 * with its service's prefix, the only one its Kafka user may use (deploy/kubernetes kafka-users.yaml).
 */
@UnitTest
class RelayTransactionalIdsTest {

    @Test
    void twoReplicasOfAServiceUseDifferentIdsWithTheServicesPrefix() {
        OutboxRelay first = relayOf("/arcc/cases");
        OutboxRelay second = relayOf("/arcc/cases");

        assertThat(first.transactionalId()).isNotEqualTo(second.transactionalId());
        assertThat(first.transactionalId()).startsWith("outbox-relay-arcc-cases-");
        assertThat(second.transactionalId()).startsWith(OutboxRelay.transactionalIdPrefix("/arcc/cases"));
        assertThat(first.transactionalId()).as("the same instance's replacement producers take its id over")
                .isEqualTo(first.transactionalId());
    }

    @Test
    void eachServiceHasItsOwnPrefix() {
        assertThat(OutboxRelay.transactionalIdPrefix("/arcc/legal-aid")).isEqualTo("outbox-relay-arcc-legal-aid-");
        assertThat(relayOf("/arcc/evidence").transactionalId())
                .doesNotStartWith(OutboxRelay.transactionalIdPrefix("/arcc/cases"));
    }

    private static OutboxRelay relayOf(String source) {
        OutboxRelay relay = new OutboxRelay();
        relay.settings = new OutboxSettings() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String source() {
                return source;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration gather() {
                return Duration.ofMillis(20);
            }

            @Override
            public int batchSize() {
                return 200;
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofSeconds(10);
            }
        };
        return relay;
    }
}
