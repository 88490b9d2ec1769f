package org.arcc.cases.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.cases.AnIdentity;
import org.arcc.cases.CasesApi;
import org.arcc.cases.MedicoLegalApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Writes a unique marker into every identity and free-text field the cases API takes, every POST with an
 * {@code Idempotency-Key} (so first results are stored), then reads every row of every table of the service's
 * database as the superuser, and the log, and fails naming each table where a marker is found in clear (as
 * text, or as the hex of its bytes in a {@code bytea}). Identity, notes, reasons and secrets exist only
 * encrypted (issue 12).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ClearTextAtRestTest {

    private static final String CELL = "LHE-2";
    private static final String PARTNER = "ngo-demo";

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    /** Marker per field, e.g. "service notes" → "mk-3f…". */
    private final Map<String, String> markers = new LinkedHashMap<>();

    private String marker(String field) {
        String value = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        markers.put(field, value);
        return value;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).header("Idempotency-Key", "clear-" + UUID.randomUUID())
                .contentType(ContentType.JSON);
    }

    @Test
    void noMarkerTypedIntoTheApiExistsInClearInAnyTableOrTheLog() throws Exception {
        String worker = Tokens.caseWorker(CELL);
        String supervisor = Tokens.supervisor(CELL);

        // Identity, the survivor's and a guardian's (every value of an Object Mother identity is unique).
        AnIdentity child = AnIdentity.childWithGuardian();
        String caseId = CasesApi.openCaseWithIdentity(worker, child);
        List<String> identity = child.secrets();
        for (int i = 0; i < identity.size(); i++) {
            markers.put("identity value " + i, identity.get(i));
        }
        as(worker).header("X-Access-Purpose", "CARE").body(Map.of("cnic", child.guardianCnic()))
                .post("/api/v1/cases/identity-lookups").then().statusCode(200);

        // Notes of services given.
        as(Tokens.counsellor(CELL)).body(Map.of("service", "PSYCHOSOCIAL_COUNSELLING", "deliveredAt",
                Instant.now().toString(), "notes", "notes " + marker("service notes")))
                .post("/api/v1/cases/" + caseId + "/services").then().statusCode(201);

        // An onward referral's note.
        CasesApi.giveSharingConsent(worker, caseId, PARTNER);
        as(worker).body(Map.of("partner", PARTNER, "serviceKind", "SHELTER", "urgency", "PRIORITY", "sexGender",
                "FEMALE", "note", "note " + marker("onward referral note")))
                .post("/api/v1/cases/" + caseId + "/onward-referrals").then().statusCode(201);

        // A reopening's reason.
        String closed = CasesApi.openCase(worker);
        for (String status : new String[] { "ASSESSMENT", "ACTION_PLAN", "IMPLEMENTATION", "FOLLOW_UP" }) {
            as(worker).body(Map.of("status", status)).post("/api/v1/cases/" + closed + "/status").then().statusCode(200);
        }
        as(supervisor).body(Map.of("status", "CLOSED")).post("/api/v1/cases/" + closed + "/status").then().statusCode(200);
        as(supervisor).body(Map.of("status", "ASSESSMENT", "reason", "reopened " + marker("reopening reason")))
                .post("/api/v1/cases/" + closed + "/status").then().statusCode(200);

        // A transfer's reason and another transfer's decline reason.
        String moving = CasesApi.openCase(worker);
        String transfer = as(worker).body(Map.of("toCell", "MUX", "reason", "moving " + marker("transfer reason")))
                .post("/api/v1/cases/" + moving + "/transfers").then().statusCode(201).extract().path("id");
        as(Tokens.supervisor("MUX")).body(Map.of("reason", "declined " + marker("transfer decline reason")))
                .post("/api/v1/cases/transfers/" + transfer + "/decline").then().statusCode(200);

        // A partner referral's decline reason.
        String referral = CasesApi.referralTo(PARTNER, CELL);
        as(worker).body(Map.of("reason", "declined " + marker("referral decline reason")))
                .post("/api/v1/referrals/" + referral + "/decline").then().statusCode(200);

        // A medico-legal report's free text, a supervisor's override reason and an amendment's reason.
        String examined = CasesApi.openCase(worker);
        Map<String, Object> report = new java.util.LinkedHashMap<>(MedicoLegalApi.minimalReportFor(CELL, examined));
        report.remove("survivorInitials");
        report.put("history", "history " + marker("medico-legal history"));
        report.put("generalFindings", "findings " + marker("medico-legal findings"));
        MedicoLegalApi.draft(Tokens.medicalOfficer(CELL), examined, report).statusCode(200);
        as(supervisor).body(Map.of("check", "REQUIRED_FIELDS", "reason", "override " + marker("override reason")))
                .post("/api/v1/cases/" + examined + "/medico-legal-report/overrides").then().statusCode(200);
        MedicoLegalApi.sign(Tokens.medicalOfficer(CELL), examined).statusCode(200);
        report.put("systemicFindings", "systemic " + marker("amended findings"));
        as(supervisor).body(Map.of("reason", "amended " + marker("amendment reason"), "content", report))
                .post("/api/v1/cases/" + examined + "/medico-legal-report/amendments").then().statusCode(201);

        // A partner webhook's shared secret.
        String secret = marker("webhook secret") + "-0123456789abcdef0123456789";
        markers.put("webhook secret", secret);
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "secret", secret))
                .put("/api/v1/partners/clear-test/webhook").then().statusCode(204);

        List<String> found = new ArrayList<>();
        try (Connection c = EmbeddedPostgresResource.server().getDatabase("postgres", "cases").getConnection();
                Statement s = c.createStatement()) {
            for (String table : tables(s)) {
                try (ResultSet rows = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        markers.forEach((field, value) -> {
                            if (row.contains(value) || row.contains(hex(value))) {
                                found.add(field + " in " + table);
                            }
                        });
                    }
                }
            }
        }
        String log = Files.readString(Path.of(logFile));
        markers.forEach((field, value) -> {
            if (log.contains(value)) {
                found.add(field + " in the log");
            }
        });
        assertThat(found).as("markers found in clear").isEmpty();
    }

    /** Every table of the database outside PostgreSQL's own schemas, schema-qualified. */
    private static List<String> tables(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).as("tables read").contains("public.idempotent_request", "public.outbox_event",
                "public.survivor_identity");
        return tables;
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
