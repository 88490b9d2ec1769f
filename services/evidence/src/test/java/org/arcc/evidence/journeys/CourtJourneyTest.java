package org.arcc.evidence.journeys;

import static io.restassured.RestAssured.given;
import static org.arcc.evidence.EvidenceApi.ITEMS;
import static org.arcc.evidence.EvidenceApi.handOver;
import static org.arcc.evidence.EvidenceApi.move;
import static org.arcc.evidence.EvidenceApi.receipt;
import static org.arcc.evidence.EvidenceApi.sealOf;
import static org.arcc.evidence.EvidenceApi.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.contracts.Topics;
import org.arcc.custody.BundleVerifier;
import org.arcc.custody.CheckpointKeys;
import org.arcc.custody.CustodyBundle;
import org.arcc.custody.CustodyBundles;
import org.arcc.custody.Main;
import org.arcc.custody.VerificationResult;
import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Journey 5 (and the custody half of journey 1): an exhibit travels hospital → police surgeon → lab → court
 * property room → produced in court, and the bundle verifies offline. Along the way: only the holder hands
 * over, only the addressee receives, a changed seal is an anomaly, and the survivor sees a coarse status.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class CourtJourneyTest {

    static final String SURGEON = "police-surgeon-khi";
    static final String LAB = "forensic-lab-demo";
    static final String COURT = "court-khi-property";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "arcc.evidence.checkpoint-public-key")
    String publicKey;

    @TempDir
    Path dir;

    @Test
    void hospitalToCourtVerifiesOfflineAndTheReportSaysSo() throws Exception {
        String medical = Tokens.medicalOfficer("KHI");
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING", "POLICE_REPORT");
        var registered = EvidenceApi.registerCollectedAt(medical, caseId, "SWABS", java.time.Instant.now().minusSeconds(7200))
                .then().statusCode(201).body("item.restricted", equalTo(false)).body("item.stage", equalTo("COLLECTED"))
                .body("item.holder", equalTo("cell:KHI")).extract();
        String item = registered.path("item.id");
        String survivorCode = registered.path("survivorCode");
        assertThat(survivorCode).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

        step(medical, item, Map.of("action", "STORED", "location", "Cell fridge 2", "storageConditions", "4 °C"))
                .then().statusCode(201).body("sequence", equalTo(2));
        move(medical, item, "custodian:" + SURGEON, Tokens.custodian(SURGEON));
        // The cell no longer holds it: its staff can read it but not hand it over again.
        step(medical, item, handOver("custodian:" + LAB)).then().statusCode(409)
                .body("detail", containsString("Only the current holder"));

        move(Tokens.custodian(SURGEON), item, "custodian:" + LAB, Tokens.custodian(LAB));
        given().auth().oauth2(Tokens.custodian(LAB)).get(ITEMS + "/" + item).then().statusCode(200)
                .body("stage", equalTo("AT_LAB")).body("holder", equalTo("custodian:" + LAB));
        given().get("/api/v1/evidence/status/" + survivorCode).then().statusCode(200).body("stage", equalTo("AT_LAB"));
        // The police surgeon handed it on: it is no longer theirs to see.
        given().auth().oauth2(Tokens.custodian(SURGEON)).get(ITEMS + "/" + item).then().statusCode(404);

        step(Tokens.custodian(LAB), item, Map.of("action", "ANALYSED", "resultReference", "LAB-2026-3311",
                "resultDocumentSha256", "9f".repeat(32))).then().statusCode(201);
        step(Tokens.custodian(LAB), item, Map.of("action", "SEALED", "sealNumber", "LAB-SEAL-77")).then().statusCode(201);
        step(Tokens.custodian(LAB), item, Map.of("action", "RETURNED", "to", "custodian:" + COURT,
                "courier", "Court messenger 12")).then().statusCode(201);
        step(Tokens.custodian(COURT), item, receipt("LAB-SEAL-77")).then().statusCode(201);
        step(Tokens.custodian(COURT), item, Map.of("action", "PRODUCED_IN_COURT", "court",
                "Special Court (Anti-Rape), Karachi", "courtReference", "Sessions case 118/2026")).then().statusCode(201);
        given().get("/api/v1/evidence/status/" + survivorCode.replace("-", "").toLowerCase()).then().statusCode(200)
                .body("stage", equalTo("IN_COURT"));

        List<Map<String, Object>> log = given().auth().oauth2(Tokens.legalOfficer("KHI")).get(ITEMS + "/" + item + "/custody")
                .then().statusCode(200).extract().path("");
        assertThat(log).extracting(e -> e.get("action")).containsExactly("COLLECTED", "STORED", "TRANSFERRED", "RECEIVED",
                "SUBMITTED_TO_LAB", "RECEIVED", "ANALYSED", "SEALED", "RETURNED", "RECEIVED", "PRODUCED_IN_COURT");

        String json = given().auth().oauth2(Tokens.legalOfficer("KHI")).get(ITEMS + "/" + item + "/bundle").then()
                .statusCode(200).extract().asString();
        CustodyBundle bundle = CustodyBundles.fromJson(json);
        VerificationResult result = BundleVerifier.verify(bundle, CheckpointKeys.publicKeyFromSpki(publicKey), null);
        assertThat(result.findings()).as("findings").noneMatch(f -> f.severity().name().equals("PROBLEM"));
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(11);
        assertThat(json).doesNotContain("survivorCode").doesNotContain(survivorCode);

        // The court's expert runs the command-line verifier on the downloaded file, with the published key.
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, json);
        Path key = dir.resolve("key.txt");
        Files.writeString(key, publicKey);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] { "verify", file.toString(), "--trusted-key", key.toString(), "--report",
                dir.resolve("report.md").toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INTACT");
        assertThat(Files.readString(dir.resolve("report.md"))).contains(bundle.item().get("kitNumber").toString());

        given().auth().oauth2(Tokens.legalOfficer("KHI")).accept("text/markdown").get(ITEMS + "/" + item + "/custody-report")
                .then().statusCode(200).body(containsString("INTACT")).body(containsString("Sessions case 118/2026"));

        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.EVIDENCE)) {
            events.awaitRecord(r -> item.equals(r.key()) && "arcc.evidence.custody-recorded.v1".equals(
                    KafkaTopicReader.header(r, "ce_type")) && r.value().contains("\"PRODUCED_IN_COURT\""), Duration.ofSeconds(30));
            events.awaitRecord(r -> "arcc.evidence.checkpoint-published.v1".equals(KafkaTopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
        }
    }

    @Test
    void aSealThatArrivesDifferentOrBrokenIsAnAnomalyShownOnTheItem() {
        String medical = Tokens.medicalOfficer("KHI");
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING");
        String item = EvidenceApi.register(medical, caseId, "CLOTHING");
        step(medical, item, handOver("custodian:" + SURGEON)).then().statusCode(201);
        // Only the addressee receives, and only once.
        step(Tokens.custodian(LAB), item, receipt("X")).then().statusCode(404);
        step(medical, item, receipt("X")).then().statusCode(409).body("detail", containsString("addressed to"));
        step(Tokens.custodian(SURGEON), item, Map.of("action", "RECEIVED", "sealIntact", false, "sealNumber", "OTHER-1",
                "condition", "tape cut")).then().statusCode(201);
        given().auth().oauth2(medical).get(ITEMS + "/" + item).then().statusCode(200).body("anomalies", equalTo(2));
        step(Tokens.custodian(SURGEON), item, receipt("OTHER-1")).then().statusCode(409);

        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.EVIDENCE)) {
            events.awaitRecord(r -> item.equals(r.key()) && r.value().contains("SEAL_MISMATCH"), Duration.ofSeconds(30));
            events.awaitRecord(r -> item.equals(r.key()) && r.value().contains("SEAL_BROKEN"), Duration.ofSeconds(30));
        }
    }

    @Test
    void racingHandoversOfOneItemGiveOneHandoverAndNoServerError() throws Exception {
        String medical = Tokens.medicalOfficer("KHI");
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING");
        String item = EvidenceApi.register(medical, caseId, "BLOOD");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String to = i % 2 == 0 ? "custodian:" + SURGEON : "custodian:" + LAB;
                answers.add(pool.submit(() -> step(medical, item, handOver(to)).statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdown();
        }
        List<String> actions = given().auth().oauth2(medical).get(ITEMS + "/" + item + "/custody").then().extract()
                .path("action");
        assertThat(actions).hasSize(2);
    }

    @Test
    void digitalEvidenceIsRegisteredByTheHashesOfItsFiles() {
        String medical = Tokens.medicalOfficer("KHI");
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION");
        String hash = "ab".repeat(32);
        String item = given().auth().oauth2(medical).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId.toString(), "type", "DIGITAL_EVIDENCE", "collectedAt",
                        java.time.Instant.now().minusSeconds(60).toString(), "fileSha256s", List.of(hash, "cd".repeat(32))))
                .post(ITEMS).then().statusCode(201).body("item.restricted", equalTo(true)).extract().path("item.id");
        given().auth().oauth2(medical).get(ITEMS + "/" + item + "/custody").then().statusCode(200)
                .body("[0].entry.details.fileSha256s", equalTo(hash + "," + "cd".repeat(32)));
        // Without files it is refused; files on a physical item are refused too.
        given().auth().oauth2(medical).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId.toString(), "type", "DIGITAL_EVIDENCE", "collectedAt",
                        java.time.Instant.now().toString()))
                .post(ITEMS).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theKitNumberFindsTheItemForWhoeverMayReadIt() {
        String medical = Tokens.medicalOfficer("KHI");
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION");
        String item = EvidenceApi.register(medical, caseId, "HAIR");
        String kit = given().auth().oauth2(medical).get(ITEMS + "/" + item).then().extract().path("kitNumber");
        assertThat(kit).matches("KHI-EV-20[0-9]{2}-[0-9]{6}");
        given().auth().oauth2(medical).get(ITEMS + "/" + item).then().body("labelPayload", equalTo("ARCC/" + kit));
        given().auth().oauth2(medical).get("/api/v1/evidence/kits/" + kit).then().statusCode(200).body("id", equalTo(item));
        given().auth().oauth2(Tokens.medicalOfficer("LHE-1")).get("/api/v1/evidence/kits/" + kit).then().statusCode(404);
        // The first path answers the same until its removal (docs/custody.md).
        given().auth().oauth2(medical).get(ITEMS + "/by-kit/" + kit).then().statusCode(200).body("id", equalTo(item));
        given().auth().oauth2(Tokens.medicalOfficer("LHE-1")).get(ITEMS + "/by-kit/" + kit).then().statusCode(404);
        given().auth().oauth2(medical).queryParam("caseId", caseId.toString()).get(ITEMS).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(item));
        assertThat(sealOf(medical, item)).startsWith("S-");
    }
}
