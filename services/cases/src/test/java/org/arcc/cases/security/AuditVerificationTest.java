package org.arcc.cases.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.cases.AnIdentity;
import org.arcc.cases.CasesApi;
import org.arcc.common.audit.AuditAnchor;
import org.arcc.common.audit.AuditAnchors;
import org.arcc.contracts.Topics;
import org.arcc.custody.CheckpointKeys;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.EventSchemas;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An insider with the database (here the PostgreSQL superuser, who can switch the append-only trigger off)
 * edits an audit row, deletes one, and rewrites a chain consistently (every hash after the edit recomputed,
 * the head moved), then deletes the signed anchors stored here too. Each time the product's own interfaces name
 * the chain and position: the verification endpoint, the {@code arcc_audit_chain_intact} metric and one
 * {@code arcc.audit.chain-broken.v1} alert; the last one through the anchor the evidence service keeps. Runs on
 * its own database (its own profile), since it leaves the trail broken on purpose; the steps build on each other.
 */
@QuarkusTest
@TestProfile(AuditVerificationTest.OwnDatabase.class)
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditVerificationTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final String VERIFY = "/api/v1/audit/cases/verification";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    AuditAnchors anchors;

    /** Three chains that each hold rows about KHI cases: one edited, one with a row deleted, one rewritten. */
    int edited;
    int deleted;
    int rewritten;
    /** The signed heads as published: what the evidence service keeps. */
    String publishedAnchor;
    long anchoredHeadOfRewritten;

    @BeforeEach
    void historyInThreeChainsThenSignedHeads() throws Exception {
        if (publishedAnchor != null) {
            return;
        }
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        String worker = Tokens.caseWorker("KHI");
        List<Integer> chains = new ArrayList<>();
        while (chains.size() < 3) {
            String caseId = CasesApi.openCaseWithIdentity(worker, AnIdentity.adult());
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(worker).header("X-Access-Purpose", "CARE").get("/api/v1/cases/" + caseId + "/identity")
                        .then().statusCode(200);
            }
            int chain = ((Number) single("SELECT min(chain) FROM audit_record WHERE resource_id = '" + caseId + "'")).intValue();
            if (!chains.contains(chain)) {
                chains.add(chain);
            }
        }
        edited = chains.get(0);
        deleted = chains.get(1);
        rewritten = chains.get(2);

        AuditAnchor signed = anchors.anchorNow().orElseThrow();
        assertThat(anchors.anchorNow()).as("nothing moved: no second anchor").isEmpty();
        anchoredHeadOfRewritten = signed.heads().get(rewritten - 1).position();
        try (KafkaTopicReader reader = new KafkaTopicReader(KafkaBrokerResource.broker().bootstrapServers(), Topics.ANCHORS)) {
            ConsumerRecord<String, String> record = reader.awaitRecord(r -> "/arcc/cases".equals(r.key())
                    && "arcc.audit.heads-signed.v1".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(EventSchemas.validate("arcc.audit.heads-signed.v1", record.value())).isEmpty();
            publishedAnchor = record.value();
        }
    }

    @Test
    @Order(1)
    void anIntactTrailIsReportedIntact() {
        JsonPath report = verification(Tokens.platformAdmin());
        assertThat(report.getBoolean("intact")).isTrue();
        assertThat(report.getLong("rowsChecked")).isGreaterThanOrEqualTo(9);
        assertThat(report.getLong("anchorsChecked")).isEqualTo(1);
        assertThat(report.getList("problems")).isEmpty();
        assertThat(metric("arcc_audit_chain_intact")).isEqualTo(1.0);
        assertThat(verification(Tokens.supervisor("KHI")).getString("scope")).isEqualTo("cell KHI");
    }

    @Test
    @Order(2)
    void anEditedRowIsNamed() throws Exception {
        long[] row = row(edited, 2);
        asDatabaseOwner("UPDATE audit_record SET purpose = 'RESEARCH' WHERE seq = " + row[0]);

        JsonPath report = verification(Tokens.platformAdmin());
        assertThat(report.getBoolean("intact")).isFalse();
        assertThat(problems(report)).contains("ALTERED chain " + edited + " position 2 seq " + row[0]);
        assertThat(metric("arcc_audit_chain_intact")).isEqualTo(0.0);
        assertThat(metric("arcc_audit_chain_problems")).isGreaterThanOrEqualTo(1.0);
        assertThat(problems(verification(Tokens.supervisor("KHI")))).contains("ALTERED chain " + edited + " position 2 seq " + row[0]);
        JsonPath otherCell = verification(Tokens.supervisor("MUX"));
        assertThat(otherCell.getBoolean("intact")).as("another cell's rows are not its supervisor's business").isTrue();
        assertThat(otherCell.getList("problems")).isEmpty();
        awaitAlert(edited, 2, "ALTERED");
    }

    @Test
    @Order(3)
    void aDeletedRowIsNamed() throws Exception {
        long[] row = row(deleted, 2);
        asDatabaseOwner("DELETE FROM audit_record WHERE seq = " + row[0]);

        JsonPath report = verification(Tokens.platformAdmin());
        assertThat(problems(report)).contains("MISSING chain " + deleted + " position 2 seq null");
        awaitAlert(deleted, 2, "MISSING");
    }

    @Test
    @Order(4)
    void aChainRewrittenConsistentlyContradictsItsSignedHead() throws Exception {
        rewriteConsistently(rewritten, 2);

        JsonPath report = verification(Tokens.platformAdmin());
        List<String> found = problems(report);
        assertThat(found).contains("ANCHOR_CONTRADICTED chain " + rewritten + " position " + anchoredHeadOfRewritten
                + " seq " + row(rewritten, anchoredHeadOfRewritten)[0]);
        assertThat(found).as("the hashes alone show nothing: the rewrite is consistent")
                .noneMatch(p -> p.matches("(ALTERED|UNLINKED|MISSING|TRUNCATED|HEAD_MISMATCH) chain " + rewritten + " .*"));
        assertThat(report.getString("problems.find { it.kind == 'ANCHOR_CONTRADICTED' }.detail"))
                .contains("chain " + rewritten + " was rewritten between position 1 and position " + anchoredHeadOfRewritten);
        awaitAlert(rewritten, anchoredHeadOfRewritten, "ANCHOR_CONTRADICTED");
    }

    @Test
    @Order(5)
    void withTheLocalAnchorsDeletedTooTheAnchorTheOtherServiceHoldsStillNamesTheRewrite() throws Exception {
        asDatabaseOwner("ALTER TABLE audit_anchor DISABLE TRIGGER audit_anchor_append_only",
                "DELETE FROM audit_anchor WHERE source = '/arcc/cases'",
                "ALTER TABLE audit_anchor ENABLE TRIGGER audit_anchor_append_only");
        JsonPath local = verification(Tokens.platformAdmin());
        assertThat(local.getLong("anchorsChecked")).isZero();
        assertThat(problems(local)).as("locally the rewrite is now invisible")
                .noneMatch(p -> p.startsWith("ANCHOR_CONTRADICTED chain " + rewritten + " "));

        JsonNode held = JSON.readTree(publishedAnchor);
        JsonPath crossChecked = given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("anchors", List.of(held))).post(VERIFY).then().statusCode(200).extract().jsonPath();
        assertThat(crossChecked.getBoolean("intact")).isFalse();
        assertThat(crossChecked.getLong("anchorsChecked")).isEqualTo(1);
        assertThat(problems(crossChecked)).contains("ANCHOR_CONTRADICTED chain " + rewritten + " position "
                + anchoredHeadOfRewritten + " seq " + row(rewritten, anchoredHeadOfRewritten)[0]);
    }

    @Test
    @Order(6)
    void anAnchorTheServicesKeyDidNotSignIsRefused() throws Exception {
        // The insider signs heads that agree with the rewritten chain, with a key of their own.
        JsonNode held = JSON.readTree(publishedAnchor);
        KeyPair insider = CheckpointKeys.generate();
        AuditAnchor genuine = AuditAnchor.of(JSON.treeToValue(held, org.arcc.contracts.audit.AuditHeadsSigned.class));
        AuditAnchor forged = AuditAnchor.sign(genuine.source(), genuine.signedAt(), genuine.heads(), insider.getPrivate(),
                insider.getPublic());
        com.fasterxml.jackson.databind.node.ObjectNode claimed = held.deepCopy();
        claimed.put("keyId", forged.keyId()).put("signature", forged.signatureBase64());
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("anchors", List.of(claimed))).post(VERIFY).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("does not carry a valid signature of /arcc/cases"));
    }

    @Test
    @Order(7)
    void eachBreakIsAlertedOnceNotOnEveryCheck() {
        verification(Tokens.platformAdmin());
        verification(Tokens.platformAdmin());
        try (KafkaTopicReader reader = new KafkaTopicReader(KafkaBrokerResource.broker().bootstrapServers(), Topics.AUDIT)) {
            List<ConsumerRecord<String, String>> alerts = reader.readUntilQuiet(Duration.ofSeconds(3)).stream()
                    .filter(r -> "arcc.audit.chain-broken.v1".equals(KafkaTopicReader.header(r, "ce_type"))).toList();
            assertThat(alerts).filteredOn(r -> isAlert(r.value(), edited, 2, "ALTERED")).hasSize(1);
            assertThat(alerts).allSatisfy(r -> assertThat(EventSchemas.validate("arcc.audit.chain-broken.v1", r.value())).isEmpty());
        }
    }

    private static JsonPath verification(String token) {
        return given().auth().oauth2(token).get(VERIFY).then().statusCode(200).extract().jsonPath();
    }

    /** Each problem as "KIND chain C position P seq S". */
    private static List<String> problems(JsonPath report) {
        List<Map<String, Object>> problems = report.getList("problems");
        return problems.stream().map(p -> p.get("kind") + " chain " + p.get("chain") + " position " + p.get("position")
                + " seq " + p.get("seq")).toList();
    }

    private static boolean isAlert(String json, int chain, long position, String kind) {
        try {
            JsonNode alert = JSON.readTree(json);
            return alert.path("chain").asInt() == chain && alert.path("position").asLong() == position
                    && kind.equals(alert.path("kind").asText());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void awaitAlert(int chain, long position, String kind) throws Exception {
        try (KafkaTopicReader reader = new KafkaTopicReader(KafkaBrokerResource.broker().bootstrapServers(), Topics.AUDIT)) {
            ConsumerRecord<String, String> alert;
            try {
                alert = reader.awaitRecord(r -> "arcc.audit.chain-broken.v1".equals(KafkaTopicReader.header(r, "ce_type"))
                        && isAlert(r.value(), chain, position, kind),
                        Duration.ofSeconds(30));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " Alerts seen: " + reader.seen().stream()
                        .filter(r -> "arcc.audit.chain-broken.v1".equals(KafkaTopicReader.header(r, "ce_type")))
                        .map(ConsumerRecord::value).toList(), e);
            }
            assertThat(JSON.readTree(alert.value()).path("source").asText()).isEqualTo("/arcc/cases");
        }
    }

    private static double metric(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(text);
        assertThat(m.find()).as(name + " in /q/metrics").isTrue();
        return Double.parseDouble(m.group(2));
    }

    /** The row at (chain, position): {seq}. */
    private static long[] row(int chain, long position) throws SQLException {
        return new long[] { ((Number) single("SELECT seq FROM audit_record WHERE chain = " + chain + " AND position = "
                + position)).longValue() };
    }

    /**
     * What an insider who knows the (published) hash rule does: edits the row at {@code from}, recomputes the hash
     * and link of it and every later row of the chain, and moves the chain's head to the new last hash.
     */
    private static void rewriteConsistently(int chain, long from) throws SQLException {
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
                s.execute("UPDATE audit_record SET purpose = 'RESEARCH' WHERE chain = " + chain + " AND position = " + from);
            }
            String previous = null;
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT seq, position, occurred_at, actor, actor_roles, actor_cell, action, resource_type, resource_id,
                           resource_cell, purpose, reason, request_id, outcome, prev_hash
                    FROM audit_record WHERE chain = ? ORDER BY position""");
                    PreparedStatement u = c.prepareStatement("UPDATE audit_record SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                q.setInt(1, chain);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        long position = rs.getLong("position");
                        if (position < from) {
                            previous = null;
                        }
                        String prev = previous == null ? rs.getString("prev_hash").trim() : previous;
                        String hash = chainHash(prev, position, rs.getTimestamp("occurred_at").toInstant(),
                                rs.getString("actor"), rs.getString("actor_roles"), rs.getString("actor_cell"),
                                rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                                rs.getString("resource_cell"), rs.getString("purpose"), rs.getString("reason"),
                                rs.getString("request_id"), rs.getString("outcome"));
                        if (position >= from) {
                            u.setString(1, prev);
                            u.setString(2, hash);
                            u.setLong(3, rs.getLong("seq"));
                            u.executeUpdate();
                            previous = hash;
                        } else {
                            previous = hash;
                        }
                    }
                }
            }
            try (PreparedStatement h = c.prepareStatement("UPDATE audit_chain_head SET last_hash = ? WHERE id = ?");
                    Statement s = c.createStatement()) {
                h.setString(1, previous);
                h.setInt(2, chain);
                h.executeUpdate();
                s.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
            }
            c.commit();
        }
    }

    /** The trail's hash rule, as docs/security.md publishes it (the insider knows it too). */
    private static String chainHash(String prevHash, long position, Instant occurredAt, String... fields) throws SQLException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> all = new ArrayList<>(List.of(prevHash, Long.toString(position),
                    DateTimeFormatter.ISO_INSTANT.format(occurredAt)));
            all.addAll(java.util.Arrays.asList(fields));
            for (String field : all) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) (field == null ? 0 : 1));
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object single(String sql) throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static Connection owner() throws SQLException {
        return EmbeddedPostgresResource.server().getDatabase("postgres", "cases").getConnection();
    }

    private static void asDatabaseOwner(String... statements) throws SQLException {
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (statements.length == 1) {
                    s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
                    s.execute(statements[0]);
                    s.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
                } else {
                    for (String statement : statements) {
                        s.execute(statement);
                    }
                }
            }
            c.commit();
        }
    }
}
