package org.arcc.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.testing.KafkaTopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * The README's second command, for real: starts the whole platform with {@code deploy/local/arcc-local}
 * (PostgreSQL, Kafka, Keycloak, cases, evidence, gateway), makes the first API call a newcomer would make with a
 * Keycloak token, follows the event onto the broker, checks another cell sees nothing, carries the case's
 * consents by event to evidence and registers a kit there, and stops it all. The platform is the one
 * {@link PlatformUnderTest} started for every IT here; this class runs last because it stops it.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(2)
class LocalPlatformIT {

    private static final String GATEWAY = PlatformUnderTest.gatewayUrl();

    private static Path home;
    private static StringBuffer output;

    @BeforeAll
    static void thePlatformIsRunning() {
        home = PlatformUnderTest.platform().home();
        output = new StringBuffer(PlatformUnderTest.platform().output());
    }

    @Test
    void aNewcomersFirstCallWorksEndToEndAndStopsCleanly() throws Exception {
        String khi = token("khi.caseworker");
        String id = given().auth().oauth2(khi).contentType(ContentType.JSON)
                .body("{\"channel\":\"WALK_IN\",\"ageBand\":\"ADULT_25_59\",\"arrivedAt\":\"2026-11-30T06:00:00Z\"}")
                .when().post(GATEWAY + "/api/v1/cases")
                .then().statusCode(201).body("cell", equalTo("KHI")).extract().path("id");

        given().auth().oauth2(khi).when().get(GATEWAY + "/api/v1/cases/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("channel", equalTo("WALK_IN"));

        try (KafkaTopicReader reader = new KafkaTopicReader(PlatformUnderTest.kafkaBootstrap(), "arcc.cases.v1")) {
            ConsumerRecord<String, String> opened = reader.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(60));
            assertThat(KafkaTopicReader.header(opened, "ce_type")).isEqualTo("arcc.case.opened.v1");
        }

        given().auth().oauth2(token("lhe1.caseworker")).when().get(GATEWAY + "/api/v1/cases/" + id)
                .then().statusCode(404).contentType("application/problem+json");

        evidenceFollowsTheCasesConsents(khi, id);
        theLegalFileFollowsTheCase(id);
        anAnalystReadsAReportThroughTheGateway();

        assertThat(PlatformUnderTest.platform().stop()).as("stop command finished and the platform process ended").isTrue();
        List<String> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home.toString())
                        || c.contains(PlatformUnderTest.ROOT.toString())
                                && (c.contains("quarkus-run.jar") || c.contains("keycloak-26.5.5"))).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
        assertThat(leftovers).as("processes left behind").isEmpty();
        for (int port : PlatformUnderTest.ports()) {
            assertThat(listening(port)).as("port " + port + " still open").isFalse();
        }
    }

    /**
     * Journey 1's legal side on real components: the case opened in cases has a legal file in legal-aid (by
     * event), which the cell's legal officer reads through the gateway with a Keycloak token; a case worker reads
     * its stage only; another cell's legal officer does not find it. The launcher seeded a file with two hearings.
     */
    private static void theLegalFileFollowsTheCase(String caseId) {
        String legal = token("khi.legal");
        String file = GATEWAY + "/api/v1/legal/files/" + caseId;
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(legal).when().get(file).statusCode() == 200);
        given().auth().oauth2(legal).when().get(file).then().statusCode(200).body("caseId", equalTo(caseId))
                .body("cell", equalTo("KHI")).body("stage", equalTo("NO_FIR"));
        given().auth().oauth2(token("khi.caseworker")).when().get(file + "/stage").then().statusCode(200)
                .body("stage", equalTo("NO_FIR"));
        given().auth().oauth2(token("khi.caseworker")).when().get(file).then().statusCode(403);
        given().auth().oauth2(token("lhe1.legal")).when().get(file).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(output.toString()).as("the launcher seeded a legal file").contains("1 legal file");
    }

    /**
     * The government dashboard's source on real components: the launcher's demo cases reach reporting by event, and
     * the analyst reads a table through the gateway with a Keycloak token; some figures show, some are suppressed.
     * A case worker is refused.
     */
    private static void anAnalystReadsAReportThroughTheGateway() {
        String analyst = token("gov.analyst");
        java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Karachi"));
        String table = GATEWAY + "/api/v1/reports/tables/survivors-by-age-band?from=" + now.minusMonths(6) + "&to="
                + now.minusMonths(1);
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            io.restassured.response.Response r = given().auth().oauth2(analyst).when().get(table);
            return r.statusCode() == 200 && r.jsonPath().getList("rows.suppressed").contains(true)
                    && r.jsonPath().getList("rows", java.util.Map.class).stream()
                            .anyMatch(row -> Boolean.FALSE.equals(row.get("suppressed")) && row.get("value") instanceof Integer v
                                    && v >= 5);
        });
        given().auth().oauth2(token("khi.caseworker")).when().get(table).then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(output.toString()).as("the launcher seeded reporting's demo cases").contains("cases over six months");
    }

    /** Journey 5's start on real components: consents given in cases reach evidence by event; a kit is registered. */
    private static void evidenceFollowsTheCasesConsents(String caseWorker, String caseId) {
        for (String purpose : List.of("EVIDENCE_COLLECTION", "EVIDENCE_TESTING")) {
            given().auth().oauth2(caseWorker).contentType(ContentType.JSON)
                    .body("{\"purpose\":\"" + purpose + "\",\"givenBy\":\"SURVIVOR\"}")
                    .when().post(GATEWAY + "/api/v1/cases/" + caseId + "/consents")
                    .then().statusCode(201).body("purpose", equalTo(purpose));
        }
        String medical = token("khi.medical");
        String kit = "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"kitNumber\":\"KHI-IT-"
                + Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT)
                + "\",\"sealNumber\":\"SEAL-IT-1\",\"collectedAt\":\"" + java.time.Instant.now().minusSeconds(600) + "\"}";
        // Until the case's events arrive, evidence does not know the case (404) or its consents (422).
        io.restassured.response.Response registered = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(medical).contentType(ContentType.JSON).body(kit)
                        .when().post(GATEWAY + "/api/v1/evidence/items"), r -> r.statusCode() != 404 && r.statusCode() != 422);
        registered.then().statusCode(201).body("item.restricted", equalTo(false));
        String itemId = registered.path("item.id");
        String survivorCode = registered.path("survivorCode");

        given().auth().oauth2(medical).when().get(GATEWAY + "/api/v1/evidence/items/" + itemId + "/bundle")
                .then().statusCode(200).contentType(ContentType.JSON).body("format", equalTo("arcc-custody-bundle/1"));

        given().when().get(GATEWAY + "/api/v1/evidence/status/" + survivorCode)
                .then().statusCode(200).body("stage", equalTo("COLLECTED"));
        given().auth().oauth2(token("lhe1.medical")).when().get(GATEWAY + "/api/v1/evidence/items/" + itemId)
                .then().statusCode(404);

        assertThat(output.toString()).as("the launcher seeded a demo kit").contains("1 evidence kit");
    }

    private static String token(String username) {
        return PlatformUnderTest.tokens().user(username);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
