package org.arcc.evidence.journeys;

import static io.restassured.RestAssured.given;
import static org.arcc.evidence.EvidenceApi.ITEMS;
import static org.arcc.evidence.EvidenceApi.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.contracts.Topics;
import org.arcc.contracts.telemetry.PlatformMetrics;
import org.arcc.custody.BundleVerifier;
import org.arcc.custody.Checkpoint;
import org.arcc.custody.CheckpointKeys;
import org.arcc.custody.CustodyBundle;
import org.arcc.custody.CustodyBundles;
import org.arcc.custody.VerificationResult;
import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
import org.arcc.evidence.service.Checkpoints;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Journey 5's cover-up: someone with database access (here: the PostgreSQL superuser, who can switch the
 * append-only triggers off) edits, deletes or reorders custody entries. The service then refuses the item's
 * bundle (and court report) with a 409 problem naming the entry, without its text, and publishes a
 * LOG_INTEGRITY anomaly; an untouched item's bundle is still served; the next checkpoint is refused, and the
 * custody-log metrics the alerts read say so ({@code arcc_custody_log_intact} 0). (The
 * offline verifier names the same tampering in a bundle that left the service: {@code BundleVerifierTest}.)
 * Runs on its own database (its own profile), since it leaves the log broken on purpose.
 */
@QuarkusTest
@TestProfile(TamperDetectionTest.OwnDatabase.class)
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperDetectionTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    static final String MEDICAL = Tokens.medicalOfficer("KHI");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "arcc.evidence.checkpoint-public-key")
    String publicKey;

    @jakarta.inject.Inject
    Checkpoints checkpoints;

    String edited;
    String deleted;
    String reordered;
    String untouched;
    Checkpoint trusted;

    @BeforeEach
    void threeItemsWithSignedHistory() {
        if (trusted != null) {
            return;
        }
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING");
        edited = itemWithFourEntries(caseId);
        deleted = itemWithFourEntries(caseId);
        reordered = itemWithFourEntries(caseId);
        untouched = itemWithFourEntries(caseId);
        trusted = checkpoints.signNow().checkpoint();
        assertThat(trusted).isNotNull();
        assertThat(metrics()).as("the alerts' view of an intact log").contains("arcc_custody_log_intact 1.0")
                .contains("arcc_custody_log_unsigned_entries 0.0");
        for (String item : List.of(edited, deleted, reordered, untouched)) {
            assertThat(verify(item).intact()).as("before tampering").isTrue();
        }
    }

    @Test
    @Order(1)
    void anEditedEntryRefusesTheBundleNamingItWithoutItsText() throws SQLException {
        asDatabaseOwner("UPDATE custody_entry SET entry = replace(entry, substring(entry from '\"recordedAt\":\"([^\"]+)\"'),"
                + " '2026-01-01T00:00:00Z'), recorded_at = '2026-01-01T00:00:00Z' WHERE item_id = ? AND sequence = 3", edited);

        String detail = refused(edited);
        assertThat(detail).contains("sequence 3 (leaf ").contains("no longer matches the hash it was logged with")
                .doesNotContain("2026-01-01").doesNotContain("RESEAL").doesNotContain("Fridge");
        assertThat(detail).doesNotContain("sequence 1 ").doesNotContain("sequence 2 ").doesNotContain("sequence 4 ");
        given().auth().oauth2(MEDICAL).get(ITEMS + "/" + edited + "/custody-report").then().statusCode(409)
                .contentType("application/problem+json");
        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.EVIDENCE)) {
            events.awaitRecord(r -> edited.equals(r.key()) && r.value().contains("LOG_INTEGRITY")
                    && r.value().matches("(?s).*\"sequence\":\\s*3[,}].*"), Duration.ofSeconds(30));
        }

        assertThat(verify(untouched).intact()).as("an untouched item's bundle is still served and intact").isTrue();
    }

    @Test
    @Order(2)
    void aDeletedEntryRefusesTheBundle() throws SQLException {
        asDatabaseOwner("DELETE FROM custody_entry WHERE item_id = ? AND sequence = 2", deleted);

        assertThat(refused(deleted)).contains("sequence 2 is missing");
        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.EVIDENCE)) {
            events.awaitRecord(r -> deleted.equals(r.key()) && r.value().contains("LOG_INTEGRITY"), Duration.ofSeconds(30));
        }
    }

    @Test
    @Order(3)
    void twoSwappedEntriesRefuseTheBundle() throws SQLException {
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            List<long[]> rows = new java.util.ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT leaf_index FROM custody_entry WHERE item_id = ? AND sequence IN (2, 3) ORDER BY sequence")) {
                q.setObject(1, UUID.fromString(reordered));
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        rows.add(new long[] { r.getLong(1) });
                    }
                }
            }
            long a = rows.get(0)[0];
            long b = rows.get(1)[0];
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.execute("UPDATE custody_entry SET leaf_index = -1 WHERE leaf_index = " + a);
                s.execute("UPDATE custody_entry SET leaf_index = " + a + " WHERE leaf_index = " + b);
                s.execute("UPDATE custody_entry SET leaf_index = " + b + " WHERE leaf_index = -1");
            }
            c.commit();
        }

        assertThat(refused(reordered)).containsPattern("sequence [23] ");
        assertThat(verify(untouched).intact()).isTrue();
    }

    @Test
    @Order(4)
    void theNextCheckpointCannotBeMadeConsistentWithTheLast() {
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION");
        String fresh = EvidenceApi.register(MEDICAL, caseId, "HAIR");

        Checkpoints.Signing signing = checkpoints.signNow();
        assertThat(signing.signed()).isFalse();
        String metrics = metrics();
        assertThat(metrics).as("ArccCustodyLogBroken fires on this").contains("arcc_custody_log_intact 0.0")
                .as("the entries no checkpoint covers (ArccCheckpointStale)").containsPattern("arcc_custody_log_unsigned_entries [1-9]")
                .containsPattern("(?m)^arcc_custody_checkpoint_age_seconds [0-9]");
        for (PlatformMetrics.Metric metric : PlatformMetrics.exposedBy(PlatformMetrics.Exposer.EVIDENCE)) {
            assertThat(metrics).as(metric.name()).containsPattern("(?m)^" + metric.name() + " ");
        }
        assertThat(String.join("\n", signing.problems())).contains("sequence 3").contains("missing");
        given().auth().oauth2(MEDICAL).get(ITEMS + "/" + fresh + "/bundle").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("integrity"));
        assertThat(checkpoints.latest().treeSize()).isEqualTo(trusted.treeSize());

        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.EVIDENCE)) {
            events.awaitRecord(r -> edited.equals(r.key()) && r.value().contains("LOG_INTEGRITY"), Duration.ofSeconds(30));
        }
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private String itemWithFourEntries(UUID caseId) {
        String item = EvidenceApi.register(MEDICAL, caseId, "SWABS");
        step(MEDICAL, item, Map.of("action", "STORED", "location", "Fridge 1")).then().statusCode(201);
        step(MEDICAL, item, Map.of("action", "SEALED", "sealNumber", "RESEAL-" + item.substring(0, 6))).then().statusCode(201);
        step(MEDICAL, item, Map.of("action", "STORED", "location", "Fridge 2")).then().statusCode(201);
        return item;
    }

    /** The bundle is refused with the custody-log problem; returns its detail. */
    private static String refused(String item) {
        return given().auth().oauth2(MEDICAL).header("X-Request-Id", "tamper-check-" + item.substring(0, 8))
                .get(ITEMS + "/" + item + "/bundle").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:arcc:problem:custody-log-integrity"))
                .body("status", equalTo(409))
                .body("requestId", equalTo("tamper-check-" + item.substring(0, 8)))
                .extract().path("detail");
    }

    private VerificationResult verify(String item) {
        String json = given().auth().oauth2(MEDICAL).get(ITEMS + "/" + item + "/bundle").then().statusCode(200)
                .extract().asString();
        CustodyBundle bundle = CustodyBundles.fromJson(json);
        return BundleVerifier.verify(bundle, CheckpointKeys.publicKeyFromSpki(publicKey), trusted);
    }

    private static Connection owner() throws SQLException {
        return EmbeddedPostgresResource.server().getDatabase("postgres", "evidence").getConnection();
    }

    private static void asDatabaseOwner(String sql, String itemId) throws SQLException {
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setObject(1, UUID.fromString(itemId));
                assertThat(p.executeUpdate()).as("rows changed by: " + sql).isEqualTo(1);
            }
            c.commit();
        }
    }
}
