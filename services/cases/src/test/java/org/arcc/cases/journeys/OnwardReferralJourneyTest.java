package org.arcc.cases.journeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.cases.ACase;
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
 * Journey 1, last step: the Karachi survivor, who at intake did not consent to sharing, later consents to
 * sharing with an NGO that runs survivor groups. Only then can the cell refer her onward, and the NGO gets the
 * minimum: what is asked, how urgently, age band, sex/gender, disability flags, the cell and a contact
 * reference. It accepts; when she withdraws the consent, the referral is withdrawn and the NGO is told.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class OnwardReferralJourneyTest {

    private static final String KHI = "KHI";
    private static final String NGO = "ngo-survivor-groups";
    private static final String SECRET = "shared-secret-of-the-survivor-groups-0123";
    private static final String NOTE = "Prefers evening sessions; her sister Sadia Khan will come with her";

    /** What the partner sees, and nothing more. */
    private static final Set<String> PARTNER_FIELDS = Set.of("id", "serviceKind", "urgency", "ageBand", "sexGender",
            "disabilities", "referringCell", "contactReference", "status", "madeAt", "acknowledgedAt", "declineReason",
            "withdrawnAt");

    record Delivery(String timestamp, String signature, String body) {
    }

    private static final List<Delivery> received = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void partnerServer() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/onward", exchange -> {
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Arcc-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Arcc-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopPartnerServer() {
        receiver.stop(0);
    }

    @Test
    void onlyWithSharingConsentAndOnlyTheMinimumUntilTheConsentIsWithdrawn() {
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/onward", "secret", SECRET))
                .put("/api/v1/partners/" + NGO + "/webhook").then().statusCode(204);

        // T+0: walk-in intake classified rape (PPC 376) + cyber-stalking (PECA 2016 s.24); consent to exam,
        // evidence, testing and a police report, but not to sharing.
        String worker = Tokens.caseWorker(KHI);
        String caseId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.rapeAndCyberStalking().disabilities("HEARING").body()).post("/api/v1/cases").then()
                .statusCode(201).body("legalSections", equalTo(List.of("PPC_376", "PECA_24"))).extract().path("id");
        for (String purpose : List.of("MEDICAL_EXAM", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING", "POLICE_REPORT")) {
            CasesApi.giveConsent(worker, caseId, purpose);
        }
        Map<String, Object> referral = Map.of("partner", NGO, "serviceKind", "SUPPORT_GROUP", "urgency", "ROUTINE",
                "sexGender", "FEMALE", "disabilities", List.of("HEARING"), "note", NOTE);
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(referral)
                .post("/api/v1/cases/" + caseId + "/onward-referrals").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:arcc:problem:consent-required"));

        // Later she consents to sharing with this NGO, and with no other.
        String sharing = CasesApi.giveSharingConsent(worker, caseId, NGO);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("partner", "ngo-shelter", "serviceKind", "SHELTER", "urgency", "EMERGENCY", "sexGender", "FEMALE"))
                .post("/api/v1/cases/" + caseId + "/onward-referrals").then().statusCode(422)
                .body("type", equalTo("urn:arcc:problem:consent-required"));
        String id = given().auth().oauth2(worker).contentType(ContentType.JSON).body(referral)
                .post("/api/v1/cases/" + caseId + "/onward-referrals").then().statusCode(201)
                .body("status", equalTo("SENT")).body("consentId", equalTo(sharing)).body("note", equalTo(NOTE))
                .body("ageBand", equalTo("ADULT_18_24")).extract().path("id");

        // The partner sees the minimum, never the case or the note; another partner sees nothing.
        String ngo = Tokens.partner(NGO);
        Map<String, Object> seen = given().auth().oauth2(ngo).get("/api/v1/onward-referrals/" + id).then().statusCode(200)
                .body("serviceKind", equalTo("SUPPORT_GROUP")).body("urgency", equalTo("ROUTINE"))
                .body("ageBand", equalTo("ADULT_18_24")).body("sexGender", equalTo("FEMALE"))
                .body("disabilities", equalTo(List.of("HEARING"))).body("referringCell", equalTo(KHI))
                .body("status", equalTo("SENT")).extract().as(Map.class);
        assertThat(seen.keySet()).isEqualTo(PARTNER_FIELDS);
        assertThat((String) seen.get("contactReference")).startsWith("KHI-OR-");
        String partnerList = given().auth().oauth2(ngo).get("/api/v1/onward-referrals").then().statusCode(200)
                .body("id", hasItem(id)).extract().asString();
        assertThat(partnerList).doesNotContain(caseId).doesNotContain("Sadia").doesNotContain(sharing);
        given().auth().oauth2(Tokens.partner("ngo-other")).get("/api/v1/onward-referrals/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.partner("ngo-other")).get("/api/v1/onward-referrals").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(ngo).get("/api/v1/cases/" + caseId).then().statusCode(403);

        // It accepts, once.
        given().auth().oauth2(ngo).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED", "declineReason", "OTHER"))
                .post("/api/v1/onward-referrals/" + id + "/acknowledgement").then().statusCode(400);
        given().auth().oauth2(ngo).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/onward-referrals/" + id + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(ngo).contentType(ContentType.JSON).body(Map.of("decision", "DECLINED", "declineReason", "NO_CAPACITY"))
                .post("/api/v1/onward-referrals/" + id + "/acknowledgement").then().statusCode(409);
        given().auth().oauth2(Tokens.counsellor(KHI)).get("/api/v1/cases/" + caseId + "/onward-referrals").then()
                .statusCode(200).body("[0].status", equalTo("ACCEPTED")).body("[0].note", equalTo(NOTE))
                .body("[0].partner", equalTo(NGO));

        // She withdraws the sharing consent: the referral is withdrawn, her details are no longer shown to the
        // partner, and no new referral can be made.
        given().auth().oauth2(worker).post("/api/v1/cases/" + caseId + "/consents/" + sharing + "/withdrawal")
                .then().statusCode(200);
        given().auth().oauth2(ngo).get("/api/v1/onward-referrals/" + id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("ageBand", nullValue()).body("sexGender", nullValue())
                .body("disabilities", nullValue());
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(referral)
                .post("/api/v1/cases/" + caseId + "/onward-referrals").then().statusCode(422);

        // The partner was told by signed webhook: sent, then withdrawn; never the case, never the note.
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().filter(d -> d.body().contains(id)).count() == 2);
        for (Delivery delivery : received) {
            assertThat(delivery.signature()).isEqualTo("sha256=" + PartnerWebhooks.sign(SECRET, delivery.timestamp() + "." + delivery.body()));
            assertThat(delivery.body()).doesNotContain(caseId).doesNotContain("Sadia");
        }
        assertThat(received.stream().map(Delivery::body)).anyMatch(b -> b.contains("\"status\":\"SENT\""))
                .anyMatch(b -> b.contains("\"status\":\"WITHDRAWN\""));

        // Events: made, acknowledged, withdrawn, with ids and codes only.
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            for (String type : List.of("arcc.case.onward-referral-made.v1", "arcc.case.onward-referral-acknowledged.v1",
                    "arcc.case.onward-referral-withdrawn.v1")) {
                ConsumerRecord<String, String> event = reader.awaitRecord(r -> caseId.equals(r.key())
                        && type.equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
                assertThat(event.value()).contains(id).doesNotContain("Sadia").doesNotContain("evening");
            }
        }
    }

    @Test
    void aPartnerDeclinesWithAReasonCodeAndAClosedCaseReferrsNoOne() {
        String id = CasesApi.onwardReferralTo("ngo-shelter", "MUX");
        given().auth().oauth2(Tokens.partner("ngo-shelter")).contentType(ContentType.JSON).body(Map.of("decision", "DECLINED"))
                .post("/api/v1/onward-referrals/" + id + "/acknowledgement").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.partner("ngo-shelter")).contentType(ContentType.JSON)
                .body(Map.of("decision", "DECLINED", "declineReason", "NO_CAPACITY"))
                .post("/api/v1/onward-referrals/" + id + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("declineReason", equalTo("NO_CAPACITY"));
        given().auth().oauth2(Tokens.caseWorker("MUX")).get("/api/v1/onward-referrals").then().statusCode(403);
    }
}
