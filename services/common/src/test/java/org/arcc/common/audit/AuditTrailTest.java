package org.arcc.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.Topics;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.EventSchemas;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The audit trail is append-only and made of independent hash chains: the verifier names an edited, a deleted
 * or a truncated row, and appends to different chains do not wait for each other. Tampering happens in a transaction that is rolled back, as a database owner would do it (with the
 * append-only trigger disabled), so the chain stays intact for the other tests.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "backbone"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class AuditTrailTest {

    private static final Caller CASE_WORKER = new Caller("staff-1", "arcc-cli", Set.of("case-worker"),
            Optional.of("KHI"), Optional.empty(), Optional.empty());
    private static final Caller ADMIN = new Caller("admin-1", "arcc-cli", Set.of("platform-admin"),
            Optional.empty(), Optional.empty(), Optional.empty());

    @Inject
    AuditTrail trail;

    @Inject
    AuditChainVerifier verifier;

    @Inject
    DataSource dataSource;

    /** Five rows about one record, so one chain; their numbers in the trail, oldest first. */
    private final List<Long> rows = new ArrayList<>();
    private int chain;

    @BeforeEach
    void someHistory() {
        String resourceId = UUID.randomUUID().toString();
        chain = AuditChain.chainOf(resourceId);
        rows.clear();
        for (int i = 0; i < 5; i++) {
            rows.add(trail.record(new AuditEntry(CASE_WORKER, AccessScope.ownCell(CASE_WORKER), AuditAction.READ,
                    "case", resourceId, "KHI", "CARE", AuditOutcome.SUCCESS)));
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditChainVerifier.Verification result = verifier.verify();
        assertThat(result.descriptions()).isEmpty();
        assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        assertThatThrownBy(() -> execute("UPDATE audit_record SET purpose = 'X' WHERE seq = " + rows.get(0)))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_record WHERE seq = " + rows.get(0)))
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditedRowIsNamed() throws SQLException {
        assertThat(tampered("UPDATE audit_record SET outcome = 'NOT_FOUND' WHERE seq = " + rows.get(2)))
                .containsExactly(row(2) + " was altered: its content no longer matches its hash");
    }

    @Test
    void anEditedRowWithARecomputedPlainHashStillBreaksTheLinkAfterIt() throws SQLException {
        // Someone edits a row and writes a new (even correct) hash for it: the next row no longer links to it.
        assertThat(tampered("UPDATE audit_record SET hash = repeat('a', 64) WHERE seq = " + rows.get(1)))
                .contains(row(2) + " does not link to the row before it in its chain");
    }

    @Test
    void aDeletedRowIsNamed() throws SQLException {
        long position = position(rows.get(1));
        assertThat(tampered("DELETE FROM audit_record WHERE seq = " + rows.get(1)))
                .contains("chain " + chain + " position " + position + " is missing")
                .contains(row(2) + " does not link to the row before it in its chain");
    }

    @Test
    void deletingTheNewestRowsIsNoticedAtTheHead() throws SQLException {
        assertThat(tampered("DELETE FROM audit_record WHERE seq IN (" + rows.get(3) + ", " + rows.get(4) + ")"))
                .containsExactly("chain " + chain + " ends at position " + position(rows.get(2)) + " but its head says "
                        + position(rows.get(4)) + ": the newest rows were deleted");
    }

    @Test
    void aRowMovedToAnotherChainBreaksBoth() throws SQLException {
        int other = chain % AuditChain.CHAINS + 1;
        assertThat(tampered("UPDATE audit_record SET chain = " + other + ", position = 1000000 WHERE seq = " + rows.get(4)))
                .anyMatch(p -> p.startsWith("chain " + chain + " ends at position"))
                .anyMatch(p -> p.startsWith("chain " + other + " position"));
    }

    @Test
    void oneRecordsRowsStayInOrderInOneChain() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT chain, position FROM audit_record WHERE seq IN ("
                        + rows.stream().map(String::valueOf).collect(Collectors.joining(",")) + ") ORDER BY seq")) {
            long previous = 0;
            while (rs.next()) {
                assertThat(rs.getInt(1)).isEqualTo(chain);
                assertThat(rs.getLong(2)).isEqualTo(previous == 0 ? rs.getLong(2) : previous + 1);
                previous = rs.getLong(2);
            }
        }
        assertThat(rows).isSorted();
    }

    @Test
    void anAppendToOneChainDoesNotWaitForAnOpenAppendToAnother() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        while (AuditChain.chainOf(second) == AuditChain.chainOf(first)) {
            second = UUID.randomUUID().toString();
        }
        String other = second;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                trail.record(new AuditEntry(CASE_WORKER, AccessScope.ownCell(CASE_WORKER), AuditAction.READ, "case",
                        first, "KHI", "CARE", AuditOutcome.SUCCESS));
                // This transaction still holds the head of its chain: an append to another chain goes through.
                Future<Long> appended = pool.submit(() -> trail.record(new AuditEntry(CASE_WORKER,
                        AccessScope.ownCell(CASE_WORKER), AuditAction.READ, "case", other, "KHI", "CARE",
                        AuditOutcome.SUCCESS)));
                try {
                    assertThat(appended.get(10, TimeUnit.SECONDS)).isPositive();
                } catch (Exception e) {
                    throw new AssertionError("the append to another chain waited", e);
                }
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(verifier.verify().descriptions()).isEmpty();
    }

    @Test
    void everyRecordIsPublishedWithItsHashAndAnAdministratorsOverrideRaisesAnAlert() throws Exception {
        String caseId = UUID.randomUUID().toString();
        AccessScope override = AccessScope.of(ADMIN, "Court order 17/2026 requires the case file");
        trail.record(new AuditEntry(ADMIN, override, AuditAction.READ, "case", caseId, "MUX", "ADMIN_OVERRIDE",
                AuditOutcome.SUCCESS));

        try (KafkaTopicReader reader = new KafkaTopicReader(KafkaBrokerResource.broker().bootstrapServers(), Topics.AUDIT)) {
            ConsumerRecord<String, String> audited = reader.awaitRecord(r -> caseId.equals(r.key())
                    && "arcc.audit.access.v1".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
            ConsumerRecord<String, String> alert = reader.awaitRecord(r -> caseId.equals(r.key())
                    && "arcc.audit.cross-cell-access.v1".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(EventSchemas.validate("arcc.audit.access.v1", audited.value())).isEmpty();
            assertThat(EventSchemas.validate("arcc.audit.cross-cell-access.v1", alert.value())).isEmpty();
            com.fasterxml.jackson.databind.JsonNode payload = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(audited.value());
            assertThat(payload.get("hash").asText()).hasSize(64);
            assertThat(payload.get("resourceCell").asText()).isEqualTo("MUX");
            assertThat(payload.get("purpose").asText()).isEqualTo("ADMIN_OVERRIDE");
            assertThat(audited.value() + alert.value()).as("the free-text reason stays in the trail")
                    .doesNotContain("Court order");
        }
        assertThat(trail.history(caseId)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("Court order 17/2026 requires the case file"));
    }

    /** How the verifier names the i-th row of this test's history. */
    private String row(int i) throws SQLException {
        return "row " + rows.get(i) + " (chain " + chain + ", position " + position(rows.get(i)) + ")";
    }

    private long position(long seq) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT position FROM audit_record WHERE seq = " + seq)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private java.util.List<String> tampered(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
                s.execute(sql);
                return verifier.verify(c).descriptions();
            } finally {
                c.rollback();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
