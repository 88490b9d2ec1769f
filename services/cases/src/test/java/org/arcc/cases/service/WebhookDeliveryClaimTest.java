package org.arcc.cases.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.arcc.cases.CasesApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Several replicas of the cases service scan the same delivery log: each due delivery is handed to one sender only
 * (a lease), so a partner is not sent the same message twice by two replicas; a sender that dies leaves its
 * deliveries to the others once the lease ends. The deliveries here fall due tomorrow, out of reach of this
 * instance's own scheduled scan, and are claimed as of the day after.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class WebhookDeliveryClaimTest {

    private static final String PARTNER = "ngo-claims";

    @Inject
    PartnerWebhooks webhooks;

    @Inject
    EntityManager em;

    @Test
    void twoSendersScanningTogetherShareTheDueDeliveriesAndNeitherTakesOneTheOtherHolds() throws Exception {
        Set<UUID> queued = queueDeliveriesDueTomorrow(6);
        Instant dayAfter = Instant.now().plus(Duration.ofDays(2));

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Set<UUID>>> replicas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replicas.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return ours(webhooks.claimDue(dayAfter), queued);
            }));
        }
        Set<UUID> first = replicas.get(0).get();
        Set<UUID> second = replicas.get(1).get();

        Set<UUID> both = new HashSet<>(first);
        both.retainAll(second);
        assertThat(both).as("claimed by both replicas").isEmpty();
        Set<UUID> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(all).as("every due delivery claimed by one of them").isEqualTo(queued);

        assertThat(ours(webhooks.claimDue(dayAfter), queued)).as("a later scan while the senders hold their claims")
                .isEmpty();
        assertThat(ours(webhooks.claimDue(dayAfter.plus(PartnerWebhooks.CLAIM_LEASE).plusSeconds(1)), queued))
                .as("claims of a sender that never reported back, once the lease is over").isEqualTo(queued);
    }

    private static Set<UUID> ours(List<Object[]> claimed, Set<UUID> queued) {
        Set<UUID> ids = new HashSet<>();
        claimed.forEach(row -> ids.add((UUID) row[0]));
        ids.retainAll(queued);
        return ids;
    }

    /**
     * A registered partner with undelivered messages, due tomorrow; queued first of all (created in 2000), so that a
     * claim's batch takes them before anything other tests left in the log.
     */
    private Set<UUID> queueDeliveriesDueTomorrow(int count) {
        String referral = CasesApi.referralTo(PARTNER, "MUX");
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/never-called", "secret", "claims-secret-0123456789-abcdefghij"))
                .put("/api/v1/partners/" + PARTNER + "/webhook").then().statusCode(204);
        Set<UUID> ids = new HashSet<>();
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                em.createNativeQuery("""
                        INSERT INTO webhook_delivery (id, partner, referral_id, body, next_attempt_at, created_at)
                        VALUES (?1, ?2, CAST(?3 AS uuid), '{}', ?4, TIMESTAMPTZ '2000-01-01 00:00Z')""")
                        .setParameter(1, id).setParameter(2, PARTNER).setParameter(3, referral)
                        .setParameter(4, java.sql.Timestamp.from(tomorrow)).executeUpdate();
                ids.add(id);
            }
        });
        return ids;
    }
}
