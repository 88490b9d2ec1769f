package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.arcc.cases.ACase;
import org.arcc.cases.CasesApi;
import org.arcc.common.retention.RetentionPurge;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Idempotency-Key as a cell's client depends on it (issue 12): a retry replays the first result, whose body is
 * never stored in clear; a retry while the first attempt runs is told to wait, never forever; an attempt that
 * dies mid-way leaves nothing behind, so the retry opens the one case; results expire and are purged.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class IdempotencyKeyTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    RetentionPurge retention;

    @Test
    void aRetryReplaysTheFirstResultWhoseNotesAreStoredOnlyEncrypted() throws Exception {
        String caseId = CasesApi.openCase(Tokens.caseWorker("KHI"));
        String counsellor = Tokens.counsellor("KHI");
        String marker = "idem-note-" + UUID.randomUUID();
        String key = "svc-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("service", "PSYCHOSOCIAL_COUNSELLING", "deliveredAt", Instant.now().toString(),
                "notes", "survivor said " + marker);

        var first = given().auth().oauth2(counsellor).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/cases/" + caseId + "/services").then().statusCode(201).extract();
        var retry = given().auth().oauth2(counsellor).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/cases/" + caseId + "/services")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true")).extract();

        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.<String>path("notes")).isEqualTo("survivor said " + marker);
        assertThat(rowsAsText("idempotent_request", key))
                .as("the stored first result").isNotEmpty()
                .allSatisfy(row -> assertThat(row).doesNotContain(marker).doesNotContain(hex(marker)));
    }

    @Test
    void aRetryWhileTheFirstAttemptRunsIsToldToRetryAndThenGetsTheSameCase() throws Exception {
        String token = Tokens.caseWorker("MUX");
        String key = "intake-" + UUID.randomUUID();
        CompletableFuture<ExtractableResponse<Response>> first;
        try (Connection blocker = superuser()) {
            blocker.setAutoCommit(false);
            holdAuditChains(blocker);
            first = CompletableFuture.supplyAsync(() -> openCase(token, key).then().extract());
            awaitIntakeWaitingOnALock();

            given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(ACase.walkIn().body()).post("/api/v1/cases")
                    .then().statusCode(409).contentType(PROBLEM_JSON)
                    .header("Retry-After", equalTo("1"))
                    .body("type", equalTo("urn:arcc:problem:in-progress"));
            blocker.rollback();
        }
        ExtractableResponse<Response> opened = first.get(30, TimeUnit.SECONDS);
        assertThat(opened.statusCode()).isEqualTo(201);
        openCase(token, key).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(opened.path("id")));
    }

    @Test
    void anAttemptThatDiesMidWayLeavesTheKeyFreeAndTheRetryOpensExactlyOneCase() throws Exception {
        String token = Tokens.caseWorker("RWP");
        String key = "intake-" + UUID.randomUUID();
        long before = casesOf("RWP");
        CompletableFuture<Integer> first;
        try (Connection blocker = superuser()) {
            blocker.setAutoCommit(false);
            holdAuditChains(blocker);
            first = CompletableFuture.supplyAsync(() -> openCase(token, key).statusCode());
            int attempt = awaitIntakeWaitingOnALock();
            // The attempt's database session dies with the key taken and the case half written, as it does
            // when the service is killed mid-request.
            try (var kill = blocker.createStatement()) {
                kill.execute("SELECT pg_terminate_backend(" + attempt + ")");
            }
            blocker.rollback();
        }
        assertThat(first.get(30, TimeUnit.SECONDS)).as("the dead attempt's own answer").isGreaterThanOrEqualTo(500);

        openCase(token, key).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        openCase(token, key).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        assertThat(casesOf("RWP") - before).as("cases opened by the dead attempt and its retries").isEqualTo(1);
    }

    @Test
    void resultsExpireAndArePurgedWithTheirKeysAndOldInboxRowsGoToo() throws Exception {
        String token = Tokens.caseWorker("ISB");
        String key = "intake-" + UUID.randomUUID();
        String firstId = openCase(token, key).then().statusCode(201).extract().path("id");
        UUID dataKey;
        UUID oldEvent = UUID.randomUUID();
        UUID recentEvent = UUID.randomUUID();
        try (Connection c = superuser(); var s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT data_key_id FROM idempotent_request WHERE idem_key = '" + key + "'")) {
                assertThat(rs.next()).isTrue();
                dataKey = rs.getObject(1, UUID.class);
            }
            s.execute("INSERT INTO inbox_event (consumer, event_id, received_at) VALUES ('retention-test', '"
                    + oldEvent + "', now() - interval '8 days'), ('retention-test', '" + recentEvent + "', now() - interval '5 days')");
        }

        retention.purge(Instant.now().plus(Duration.ofHours(23)));
        openCase(token, key).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));

        RetentionPurge.Purged purged = retention.purge(Instant.now().plus(Duration.ofHours(25)));
        assertThat(purged.idempotentResults()).isGreaterThanOrEqualTo(1);
        try (Connection c = superuser(); var s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM idempotent_request WHERE idem_key = '" + key + "'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM data_key WHERE id = '" + dataKey + "'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM inbox_event WHERE event_id = '" + oldEvent + "'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM inbox_event WHERE event_id = '" + recentEvent + "'")).isOne();
        }
        String secondId = openCase(token, key).then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        assertThat(secondId).as("after expiry the key is new again").isNotEqualTo(firstId);
    }

    @Test
    void erasingTheIdentityDestroysStoredResultsAboutTheCase() throws Exception {
        String worker = Tokens.caseWorker("LHE-1");
        String caseId = CasesApi.openCase(worker);
        String key = "svc-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("service", "SHELTER_REFERRAL", "deliveredAt", Instant.now().toString(),
                "notes", "to be erased " + UUID.randomUUID());
        String location = given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/cases/" + caseId + "/services").then().statusCode(201).extract().header("Location");

        given().auth().oauth2(Tokens.supervisor("LHE-1")).delete("/api/v1/cases/" + caseId + "/identity")
                .then().statusCode(204);

        try (Connection c = superuser(); var s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM idempotent_request WHERE idem_key = '" + key
                    + "' AND body_sealed IS NULL")).isOne();
            assertThat(count(s, "SELECT count(*) FROM data_key d JOIN idempotent_request r ON r.data_key_id = d.id"
                    + " WHERE r.idem_key = '" + key + "' AND d.wrapped IS NULL")).isOne();
        }
        String replayed = given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/cases/" + caseId + "/services")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true")).extract().asString();
        assertThat(replayed).isEmpty();
        assertThat(location).contains(caseId);
    }

    private static Response openCase(String token, String key) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(ACase.walkIn().body()).post("/api/v1/cases");
    }

    /** Holds every audit chain's head, so an intake stops inside its transaction, after taking its key. */
    private static void holdAuditChains(Connection blocker) throws SQLException {
        try (var s = blocker.createStatement()) {
            s.execute("SELECT * FROM audit_chain_head FOR UPDATE");
        }
    }

    /** Waits until the service's intake waits on the held lock; returns its session's process id. */
    private static int awaitIntakeWaitingOnALock() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Connection c = superuser(); var s = c.createStatement(); var rs = s.executeQuery("""
                    SELECT pid FROM pg_stat_activity
                    WHERE usename = 'cases_app' AND wait_event_type = 'Lock' AND query LIKE '%audit_chain_head%'""")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }, pid -> pid > 0);
    }

    private static long casesOf(String cell) throws SQLException {
        try (Connection c = superuser(); var s = c.createStatement()) {
            return count(s, "SELECT count(*) FROM survivor_case WHERE cell_code = '" + cell + "'");
        }
    }

    private static long count(java.sql.Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static java.util.List<String> rowsAsText(String table, String key) throws SQLException {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (Connection c = superuser(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT t::text FROM " + table + " t WHERE idem_key = '" + key + "'")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Connection superuser() throws SQLException {
        return EmbeddedPostgresResource.server().getDatabase("postgres", "cases").getConnection();
    }
}
