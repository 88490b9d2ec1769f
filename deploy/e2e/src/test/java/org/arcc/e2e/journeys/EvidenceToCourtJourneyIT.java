package org.arcc.e2e.journeys;

import static org.arcc.e2e.Gateway.PROBLEM;
import static org.arcc.e2e.Gateway.anonymous;
import static org.arcc.e2e.Gateway.as;
import static org.arcc.e2e.journeys.JourneySteps.consent;
import static org.arcc.e2e.journeys.JourneySteps.custody;
import static org.arcc.e2e.journeys.JourneySteps.intake;
import static org.arcc.e2e.journeys.JourneySteps.kit;
import static org.arcc.e2e.journeys.JourneySteps.kitNumber;
import static org.arcc.e2e.journeys.JourneySteps.openCase;
import static org.arcc.e2e.journeys.JourneySteps.registerItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.custody.BundleVerifier;
import org.arcc.custody.CheckpointKeys;
import org.arcc.custody.CustodyBundles;
import org.arcc.custody.Finding;
import org.arcc.custody.Severity;
import org.arcc.custody.VerificationResult;
import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * Journey 5 (JOURNEYS.md), through the gateway with real Keycloak tokens: an exhibit travels hospital → police
 * surgeon → lab → court property room → produced in court, each step recorded by whoever holds it; the court's
 * custody bundle verifies offline with the published key. Then someone with database access edits an entry's
 * timestamp: the service refuses the item's bundle naming the entry, the offline verifier names the entry that no
 * longer matches, and the next checkpoint cannot be made consistent with the last. The edit is undone at the end,
 * after which the log signs again (the fault suite runs on this platform next).
 */
@ExtendWith(PlatformUnderTest.class)
@Order(5)
class EvidenceToCourtJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExhibitsBundleVerifiesOfflineUntilSomeoneEditsTheDatabaseWhichEveryCheckThenNames() throws Exception {
        String caseId = openCase("khi.caseworker", "KHI", intake("WALK_IN", "ADULT_25_59",
                Instant.now().minus(Duration.ofHours(3)), "incidentType", "RAPE"));
        consent("khi.caseworker", caseId, "EVIDENCE_COLLECTION", "SURVIVOR");
        consent("khi.caseworker", caseId, "EVIDENCE_TESTING", "SURVIVOR");
        Response registered = registerItem("khi.medical", kit(caseId, "CLOTHING", kitNumber("KHI"), "KHI-SEAL-5",
                Instant.now().minus(Duration.ofHours(1))));
        String itemId = registered.path("item.id");
        String survivorCode = registered.path("survivorCode");

        // Hospital → police surgeon → lab → court property room → court, each step by the holder of the moment.
        custody("khi.medical", itemId, Map.of("action", "TRANSFERRED", "to", "custodian:police-surgeon-khi",
                "courier", "HC Imran Ali"));
        as("lab.custodian").body(receipt("KHI-SEAL-5")).when().post("/api/v1/evidence/items/" + itemId + "/custody")
                .then().statusCode(404).contentType(PROBLEM);
        custody("surgeon.custodian", itemId, receipt("KHI-SEAL-5"));
        custody("surgeon.custodian", itemId, Map.of("action", "SUBMITTED_TO_LAB", "to", "custodian:forensic-lab-demo",
                "courier", "HC Imran Ali"));
        custody("lab.custodian", itemId, receipt("KHI-SEAL-5"));
        custody("lab.custodian", itemId, Map.of("action", "ANALYSED", "resultReference", "PFSA-E2E-1",
                "resultDocumentSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        custody("lab.custodian", itemId, Map.of("action", "TRANSFERRED", "to", "custodian:court-khi-property",
                "courier", "HC Imran Ali"));
        custody("court.custodian", itemId, receipt("KHI-SEAL-5"));
        custody("court.custodian", itemId, Map.of("action", "PRODUCED_IN_COURT", "court", "Special Court (Anti-Rape), Karachi",
                "courtReference", "SC-AR-E2E/2026"));
        anonymous().when().get("/api/v1/evidence/status/" + survivorCode).then().statusCode(200)
                .body("stage", equalTo("IN_COURT"));

        // The court asks to verify: the bundle, checked offline against the key the platform publishes.
        String kept = as("khi.legal").when().get("/api/v1/evidence/items/" + itemId + "/bundle")
                .then().statusCode(200).extract().asString();
        String publishedKey = as("khi.legal").when().get("/api/v1/evidence/checkpoints/latest")
                .then().statusCode(200).extract().path("publicKey");
        VerificationResult before = BundleVerifier.verify(CustodyBundles.fromJson(kept),
                CheckpointKeys.publicKeyFromSpki(publishedKey), null);
        assertThat(before.intact()).as(before.findings().toString()).isTrue();
        assertThat(before.entriesChecked()).isEqualTo(9);
        long signedSize = ((Number) as("khi.legal").when().get("/api/v1/evidence/checkpoints/latest")
                .then().extract().path("treeSize")).longValue();

        StoredEntry original = storedEntry(itemId, 3);
        try {
            editTimestamp(itemId, 3, "2026-01-01T00:00:00Z");

            // The service no longer serves the item's bundle; the refusal names the entry, not its text.
            as("khi.legal").when().get("/api/v1/evidence/items/" + itemId + "/bundle").then().statusCode(409)
                    .contentType(PROBLEM).body("type", containsString("custody-log-integrity"))
                    .body("detail", containsString("sequence 3 (leaf "))
                    .body("detail", org.hamcrest.Matchers.not(containsString("2026-01-01")));

            // The court's verifier, given the entry as the database now holds it, names it.
            VerificationResult after = BundleVerifier.verify(CustodyBundles.fromJson(withStoredEntry(kept, itemId, 3)),
                    CheckpointKeys.publicKeyFromSpki(publishedKey), null);
            assertThat(after.intact()).isFalse();
            assertThat(after.problems()).extracting(Finding::sequence).containsOnly(3L);
            assertThat(after.problems()).extracting(Finding::message)
                    .anyMatch(m -> m.contains("altered after it was logged"));
            assertThat(after.problems()).allMatch(f -> f.severity() == Severity.PROBLEM);

            // The next checkpoint cannot be made consistent with the last: a new item's bundle, which needs one, is
            // refused, and the latest signed checkpoint stays where it was.
            String next = registerItem("khi.medical", kit(caseId, "SWABS", kitNumber("KHI"), "KHI-SEAL-6", Instant.now()))
                    .path("item.id");
            as("khi.medical").when().get("/api/v1/evidence/items/" + next + "/bundle").then().statusCode(409)
                    .contentType(PROBLEM);
            as("khi.legal").when().get("/api/v1/evidence/checkpoints/latest").then().statusCode(200)
                    .body("treeSize", equalTo((int) signedSize));
        } finally {
            restore(itemId, 3, original);
        }
        // Undone, the log matches what was signed again: bundles are served and verify.
        String again = as("khi.legal").when().get("/api/v1/evidence/items/" + itemId + "/bundle")
                .then().statusCode(200).extract().asString();
        assertThat(BundleVerifier.verify(CustodyBundles.fromJson(again), CheckpointKeys.publicKeyFromSpki(publishedKey),
                null).intact()).isTrue();
    }

    private static Map<String, Object> receipt(String seal) {
        return Map.of("action", "RECEIVED", "sealIntact", true, "sealNumber", seal, "condition", "sealed, dry");
    }

    /** The court's kept bundle with one entry replaced by what the database holds for it now. */
    private static String withStoredEntry(String bundle, String itemId, int sequence) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> root = JSON.readValue(bundle, Map.class);
        List<Map<String, Object>> stored = as("khi.legal").when().get("/api/v1/evidence/items/" + itemId + "/custody")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.sequence == " + sequence + " }.entry");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) root.get("entries");
        entries.get(sequence - 1).put("entry", stored.get(0));
        return JSON.writeValueAsString(root);
    }

    private record StoredEntry(String entry, Timestamp recordedAt) {
    }

    private static StoredEntry storedEntry(String itemId, int sequence) throws SQLException {
        try (Connection c = database(); PreparedStatement q = c.prepareStatement(
                "SELECT entry, recorded_at FROM custody_entry WHERE item_id = ? AND sequence = ?")) {
            q.setObject(1, UUID.fromString(itemId));
            q.setInt(2, sequence);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                return new StoredEntry(r.getString(1), r.getTimestamp(2));
            }
        }
    }

    /** What someone with database access does: the append-only triggers off, the entry's timestamp changed. */
    private static void editTimestamp(String itemId, int sequence, String at) throws SQLException {
        asSuperuser("UPDATE custody_entry SET entry = replace(entry, substring(entry from '\"recordedAt\":\"([^\"]+)\"'), ?),"
                + " recorded_at = ?::timestamptz WHERE item_id = ? AND sequence = ?", at, at, UUID.fromString(itemId), sequence);
    }

    private static void restore(String itemId, int sequence, StoredEntry original) throws SQLException {
        asSuperuser("UPDATE custody_entry SET entry = ?, recorded_at = ? WHERE item_id = ? AND sequence = ?",
                original.entry(), original.recordedAt(), UUID.fromString(itemId), sequence);
    }

    private static void asSuperuser(String sql, Object... parameters) throws SQLException {
        try (Connection c = database()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    p.setObject(i + 1, parameters[i]);
                }
                assertThat(p.executeUpdate()).as("rows changed by: " + sql).isEqualTo(1);
            }
            c.commit();
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(PlatformUnderTest.databaseUrl("evidence"), "postgres", "");
    }
}
