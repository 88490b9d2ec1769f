package org.arcc.legal.api;

import static io.restassured.RestAssured.given;
import static org.arcc.legal.LegalApi.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.arcc.legal.CaseFacts;
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
 * Idempotency-Key as a cell's legal officer's client depends on it: a retry replays the first result, whose body
 * (it names the police officer) is never stored in clear; a retry while the first attempt runs is told to wait; an
 * attempt that dies mid-way leaves nothing behind, so the retry records the one FIR.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class IdempotencyKeyTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aRetryReplaysTheFirstResultWhichIsStoredOnlySealed() throws Exception {
        UUID caseId = CaseFacts.openedWithPoliceReportConsent("KHI");
        String lo = Tokens.legalOfficer("KHI");
        String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String key = "fir-" + UUID.randomUUID();

        var first = registerFir(lo, caseId, key, "SI " + marker).then().statusCode(201).extract();
        var retry = registerFir(lo, caseId, key, "SI " + marker).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).extract();

        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.<String>path("officer")).isEqualTo("SI " + marker);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(firsOf(caseId)).as("one FIR, however often the client retries").isOne();
        assertThat(rowsAsText(key)).as("the stored first result").isNotEmpty()
                .allSatisfy(row -> assertThat(row).doesNotContain(marker).doesNotContain(hex(marker)));
    }

    @Test
    void aRetryWhileTheFirstAttemptRunsIsToldToRetryAndThenGetsTheSameFir() throws Exception {
        UUID caseId = CaseFacts.openedWithPoliceReportConsent("MUX");
        String lo = Tokens.legalOfficer("MUX");
        String key = "fir-" + UUID.randomUUID();
        CompletableFuture<ExtractableResponse<Response>> first;
        try (Connection blocker = superuser()) {
            blocker.setAutoCommit(false);
            holdAuditChains(blocker);
            first = CompletableFuture.supplyAsync(() -> registerFir(lo, caseId, key, "SI Rukhsana Bibi").then().extract());
            awaitAttemptWaitingOnALock();

            registerFir(lo, caseId, key, "SI Rukhsana Bibi").then().statusCode(409).contentType(PROBLEM_JSON)
                    .header("Retry-After", equalTo("1")).body("type", equalTo("urn:arcc:problem:in-progress"));
            blocker.rollback();
        }
        ExtractableResponse<Response> registered = first.get(30, TimeUnit.SECONDS);
        assertThat(registered.statusCode()).isEqualTo(201);
        registerFir(lo, caseId, key, "SI Rukhsana Bibi").then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(registered.path("id")));
    }

    @Test
    void anAttemptThatDiesMidWayLeavesTheKeyFreeAndTheRetryRecordsExactlyOneFir() throws Exception {
        UUID caseId = CaseFacts.openedWithPoliceReportConsent("RWP");
        String lo = Tokens.legalOfficer("RWP");
        String key = "fir-" + UUID.randomUUID();
        CompletableFuture<Integer> first;
        try (Connection blocker = superuser()) {
            blocker.setAutoCommit(false);
            holdAuditChains(blocker);
            first = CompletableFuture.supplyAsync(() -> registerFir(lo, caseId, key, "SI Rukhsana Bibi").statusCode());
            int attempt = awaitAttemptWaitingOnALock();
            // The attempt's database session dies with the key taken and the FIR half written, as it does when the
            // service is killed mid-request.
            try (var kill = blocker.createStatement()) {
                kill.execute("SELECT pg_terminate_backend(" + attempt + ")");
            }
            blocker.rollback();
        }
        assertThat(first.get(30, TimeUnit.SECONDS)).as("the dead attempt's own answer").isGreaterThanOrEqualTo(500);

        registerFir(lo, caseId, key, "SI Rukhsana Bibi").then().statusCode(201).header("Idempotent-Replayed", nullValue());
        registerFir(lo, caseId, key, "SI Rukhsana Bibi").then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        assertThat(firsOf(caseId)).as("FIRs recorded by the dead attempt and its retries").isOne();
    }

    private static Response registerFir(String token, UUID caseId, String key, String officer) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("policeStation", "ps-khi-women-saddar", "firNumber", "FIR-311/2026", "registeredAt",
                        Instant.now().minusSeconds(600).toString(), "sections", List.of("PPC_376"), "officer", officer))
                .post(file(caseId) + "/fir");
    }

    /** Holds every audit chain's head, so a step stops inside its transaction, after taking its key. */
    private static void holdAuditChains(Connection blocker) throws SQLException {
        try (var s = blocker.createStatement()) {
            s.execute("SELECT * FROM audit_chain_head FOR UPDATE");
        }
    }

    /** Waits until the service's attempt waits on the held lock; returns its session's process id. */
    private static int awaitAttemptWaitingOnALock() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Connection c = superuser(); var s = c.createStatement(); var rs = s.executeQuery("""
                    SELECT pid FROM pg_stat_activity
                    WHERE usename = 'legal_app' AND wait_event_type = 'Lock' AND query LIKE '%audit_chain_head%'""")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }, pid -> pid > 0);
    }

    private static long firsOf(UUID caseId) throws SQLException {
        try (Connection c = superuser(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM fir WHERE case_id = '" + caseId + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rowsAsText(String key) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = superuser(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT t::text FROM idempotent_request t WHERE idem_key = '" + key + "'")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Connection superuser() throws SQLException {
        return EmbeddedPostgresResource.server().getDatabase("postgres", "legal").getConnection();
    }
}
