package org.arcc.cases.journeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.arcc.cases.CasesApi;
import org.arcc.cases.service.PartnerWebhooks;
import org.arcc.contracts.Topics;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Journey 3: a partner NGO's helpline refers a woman to the Lahore cell. The cell accepts; a case opens
 * linked to the referral; the NGO learns it by a signed webhook (checked here by a receiver of our own that
 * fails the first delivery, so the retry is exercised) and by polling; it never sees the case.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class NgoReferralJourneyTest {

    private static final String PARTNER = "ngo-helpline";
    private static final String SECRET = "shared-secret-of-the-helpline-0123456789";

    /** One delivery as the partner's server received it. */
    record Delivery(String id, String timestamp, String signature, String body) {
    }

    private static final List<Delivery> received = new CopyOnWriteArrayList<>();
    private static final AtomicInteger calls = new AtomicInteger();
    private static HttpServer receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void partnerServer() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/arcc-status", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = calls.incrementAndGet() == 1 ? 500 : 200; // the first delivery fails: a retry must follow
            if (status == 200) {
                received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Arcc-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-Arcc-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Arcc-Signature"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopPartnerServer() {
        receiver.stop(0);
    }

    @Test
    void acceptedReferralIsSignalledBySignedWebhookAndByPolling() {
        // Accepting only the problem type, as a client generated from the API document does for a 204 operation.
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON).accept("application/problem+json")
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/arcc-status", "secret", SECRET))
                .put("/api/v1/partners/" + PARTNER + "/webhook").then().statusCode(204);

        String partnerToken = Tokens.partner(PARTNER);
        given().auth().oauth2(partnerToken).contentType(ContentType.JSON)
                .body(Map.of("cell", "LHE-1", "ageBand", "ADULT_25_59", "incidentCategory", "RAPE", "consentAttested", false))
                .post("/api/v1/referrals").then().statusCode(400);
        String id = given().auth().oauth2(partnerToken).contentType(ContentType.JSON)
                .body(Map.of("cell", "LHE-1", "ageBand", "ADULT_25_59", "incidentCategory", "RAPE", "consentAttested", true,
                        "partnerReference", "HL-2026-0077"))
                .post("/api/v1/referrals").then().statusCode(201).body("status", equalTo("RECEIVED")).extract().path("id");

        given().auth().oauth2(Tokens.partner("ngo-other")).get("/api/v1/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.caseWorker("LHE-1")).get("/api/v1/referrals").then().statusCode(200)
                .body("id", hasItem(id));

        String caseId = given().auth().oauth2(Tokens.supervisor("LHE-1")).post("/api/v1/referrals/" + id + "/acceptance")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).extract().path("caseId");
        given().auth().oauth2(Tokens.caseWorker("LHE-1")).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("channel", equalTo("NGO_REFERRAL")).body("cell", equalTo("LHE-1"));
        given().auth().oauth2(Tokens.supervisor("LHE-1")).post("/api/v1/referrals/" + id + "/acceptance").then().statusCode(409);

        // Polling: the partner sees the status, never the case.
        given().auth().oauth2(partnerToken).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("caseId", nullValue());
        given().auth().oauth2(partnerToken).get("/api/v1/cases/" + caseId).then().statusCode(403);

        // Webhook: both status changes arrive, signed, after the failed first attempt was retried.
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().filter(d -> d.body().contains(id)).count() == 2);
        for (Delivery delivery : received) {
            assertThat(delivery.signature()).isEqualTo("sha256=" + PartnerWebhooks.sign(SECRET, delivery.timestamp() + "." + delivery.body()));
            assertThat(delivery.body()).contains("\"deliveryId\":\"" + delivery.id() + "\"").doesNotContain(caseId);
        }
        assertThat(received.stream().map(Delivery::body)).anyMatch(b -> b.contains("\"status\":\"ACCEPTED\""))
                .anyMatch(b -> b.contains("\"status\":\"RECEIVED\""));
        assertThat(calls.get()).as("one failed delivery retried").isGreaterThanOrEqualTo(3);

        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.REFERRALS)) {
            reader.awaitRecord(r -> id.equals(r.key()) && "arcc.referral.accepted.v1".equals(KafkaTopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
        }
    }

    @Test
    void aDeclinedReferralSaysSoToThePartner() {
        String id = CasesApi.referralTo("ngo-demo", "MUX");
        given().auth().oauth2(Tokens.caseWorker("MUX")).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/v1/referrals/" + id + "/decline").then().statusCode(400);
        given().auth().oauth2(Tokens.caseWorker("MUX")).contentType(ContentType.JSON)
                .body(Map.of("reason", "The survivor is being cared for in Bahawalpur"))
                .post("/api/v1/referrals/" + id + "/decline").then().statusCode(200).body("status", equalTo("DECLINED"));
        given().auth().oauth2(Tokens.partner("ngo-demo")).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("DECLINED"));
    }
}
