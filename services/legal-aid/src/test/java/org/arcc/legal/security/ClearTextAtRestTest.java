package org.arcc.legal.security;

import static io.restassured.RestAssured.given;
import static org.arcc.legal.LegalApi.file;
import static org.arcc.legal.LegalApi.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.arcc.legal.CaseFacts;
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
import io.restassured.response.Response;

/**
 * Writes a unique marker into every free-text field the legal-aid API takes, every POST with an
 * {@code Idempotency-Key} (so first results are stored), then reads every row of every table of the service's
 * database as the superuser, and the log, and fails naming each table where a marker is found in clear (as text,
 * or as the hex of its bytes in a {@code bytea}). The survivor's initials exist only encrypted; the names of
 * officials, courts and lawyers only in the column that holds them, plus, for the court and its case number, the
 * register notice a conviction publishes (docs/legal-aid.md).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ClearTextAtRestTest {

    private static final String CELL = "KHI";

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    /** Marker per field, e.g. "fir officer" → "mk3f…". */
    private final Map<String, String> markers = new LinkedHashMap<>();
    /** Where each field's marker may be: its own column's table; nowhere for the initials. */
    private final Map<String, Set<String>> homes = new LinkedHashMap<>();

    private String marker(String field, String... home) {
        String value = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        markers.put(field, value);
        homes.put(field, Set.of(home));
        return value;
    }

    /** Initials as court filings write them (four capitals with dots): nothing else in the database has dots between capitals. */
    private String initialsMarker() {
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            initials.append((char) ('A' + ThreadLocalRandom.current().nextInt(26))).append('.');
        }
        markers.put("initials", initials.toString());
        homes.put("initials", Set.of());
        return initials.toString();
    }

    private static Response post(String token, String path, Map<String, Object> body) {
        return given().auth().oauth2(token).header("Idempotency-Key", "clear-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(body).post(path);
    }

    @Test
    void initialsAreOnlyEncryptedAndOfficialsNamesOnlyWhereTheyBelong() throws Exception {
        UUID caseId = CaseFacts.openedWithPoliceReportConsent(CELL);
        String lo = Tokens.legalOfficer(CELL);
        String f = file(caseId);
        String day = today().toString();
        Instant earlier = Instant.now().minusSeconds(1800);

        post(lo, f + "/initials", Map.of("initials", initialsMarker())).then().statusCode(204);
        post(lo, f + "/fir-refusals", Map.of("policeStation", "ps-khi-gulshan", "refusedAt", earlier.toString(),
                "reason", "PRESSURE_TO_COMPROMISE", "refusedBy", "Duty officer " + marker("fir refused by", "public.fir")))
                .then().statusCode(201);
        post(lo, f + "/fir", Map.of("policeStation", "ps-khi-women-saddar", "firNumber", "FIR " + marker("fir number",
                "public.fir"), "registeredAt", earlier.plusSeconds(600).toString(), "sections", List.of("PPC_376"),
                "officer", "SI " + marker("fir officer", "public.fir"))).then().statusCode(201);
        post(lo, f + "/investigation", Map.of("unit", "ssoiu-khi", "investigatingOfficer",
                "Inspector " + marker("investigating officer", "public.investigation"))).then().statusCode(201);
        post(lo, f + "/representations", Map.of("role", "SPECIAL_PROSECUTOR", "lawyer", "Mr " + marker("prosecutor",
                "public.representation"), "enrolment", "SHC-" + marker("prosecutor enrolment", "public.representation"),
                "on", day)).then().statusCode(201);
        post(lo, f + "/representations", Map.of("role", "ACCUSED_COUNSEL", "lawyer", "Advocate " + marker("accused counsel",
                "public.representation"), "enrolment", "LHC-" + marker("accused counsel enrolment", "public.representation"),
                "on", day)).then().statusCode(201);
        // The register notice of a conviction carries the court's own references (arcc.legal.register-notice.v1).
        post(lo, f + "/trial", Map.of("court", "Special Court " + marker("court", "public.trial", "public.outbox_event"),
                "courtCaseNumber", "SC " + marker("court case number", "public.trial", "public.outbox_event"),
                "judge", "Judge " + marker("judge", "public.trial"), "inCamera", true,
                "reachedCourtOn", today().minusDays(30).toString())).then().statusCode(201);
        post(lo, f + "/verdict", Map.of("outcome", "CONVICTED", "sections", List.of("PPC_376"), "sentence",
                "Imprisonment " + marker("sentence", "public.verdict"), "decidedOn", day)).then().statusCode(201);
        post(lo, f + "/appeals", Map.of("filedBy", "CONVICT", "court", "High Court " + marker("appeal court", "public.appeal"),
                "filedOn", day)).then().statusCode(201);

        Map<String, List<String>> foundIn = new LinkedHashMap<>();
        try (Connection c = EmbeddedPostgresResource.server().getDatabase("postgres", "legal").getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                    ORDER BY 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("public.legal_file", "public.idempotent_request", "public.outbox_event",
                    "public.audit_record");
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        markers.forEach((field, value) -> {
                            if (row.contains(value) || row.contains(hex(value))) {
                                foundIn.computeIfAbsent(field, x -> new ArrayList<>()).add(table);
                            }
                        });
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM legal_file WHERE case_id = '" + caseId
                    + "' AND initials IS NOT NULL")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the initials are stored, sealed").isOne();
            }
        }
        markers.keySet().forEach(field -> assertThat(foundIn.getOrDefault(field, List.of())).as(field + " found in")
                .isSubsetOf(homes.get(field)));
        homes.forEach((field, home) -> home.stream().filter(t -> !t.equals("public.outbox_event")).forEach(
                t -> assertThat(foundIn.getOrDefault(field, List.of())).as(field + " is stored in its own column").contains(t)));

        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        markers.forEach((field, value) -> assertThat(log).as(field + " in the log").doesNotContain(value));
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
