package org.arcc.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The audit trail is append-only and hash-chained: the verifier names an edited, a deleted or a truncated
 * row. Tampering happens in a transaction that is rolled back, as a database owner would do it (with the
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

    @BeforeEach
    void someHistory() {
        for (int i = 0; i < 5; i++) {
            trail.record(new AuditEntry(CASE_WORKER, AccessScope.ownCell(CASE_WORKER), AuditAction.READ, "case",
                    UUID.randomUUID().toString(), "KHI", "CARE", AuditOutcome.SUCCESS));
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditChainVerifier.Verification result = verifier.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        assertThatThrownBy(() -> execute("UPDATE audit_record SET purpose = 'X' WHERE seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_record WHERE seq = 1"))
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditedRowIsNamed() throws SQLException {
        assertThat(tampered("UPDATE audit_record SET outcome = 'NOT_FOUND' WHERE seq = 3"))
                .contains("row 3 was altered: its content no longer matches its hash");
    }

    @Test
    void anEditedRowWithARecomputedPlainHashStillBreaksTheLinkAfterIt() throws SQLException {
        // Someone edits row 2 and writes a new (even correct) hash for it: row 3 no longer links to it.
        assertThat(tampered("UPDATE audit_record SET hash = repeat('a', 64) WHERE seq = 2"))
                .anyMatch(p -> p.contains("row 3 does not link"));
    }

    @Test
    void aDeletedRowIsNamed() throws SQLException {
        assertThat(tampered("DELETE FROM audit_record WHERE seq = 2"))
                .contains("row 2 is missing")
                .anyMatch(p -> p.contains("row 3 does not link"));
    }

    @Test
    void deletingTheNewestRowsIsNoticedAtTheHead() throws SQLException {
        assertThat(tampered("DELETE FROM audit_record WHERE seq > (SELECT max(seq) - 2 FROM audit_record)"))
                .anyMatch(p -> p.contains("the newest rows were deleted"));
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

    private java.util.List<String> tampered(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
                s.execute(sql);
                return verifier.verify(c).problems();
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
