package org.arcc.evidence.security;

import static io.restassured.RestAssured.given;
import static org.arcc.evidence.EvidenceApi.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Custody free text (where an item is kept and how, who carried it, its condition on receipt) is typed by
 * people and may name one; its one home is the hash-linked custody log, which a court reads. Every step here
 * is sent with an {@code Idempotency-Key}, so its answer, which repeats the text, is stored for retries; then
 * every row of every table is read as the superuser and each marker must be found in {@code custody_entry}
 * only (issue 12).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ClearTextAtRestTest {

    private static final String HOME = "public.custody_entry";

    private final Map<String, String> markers = new LinkedHashMap<>();

    private String marker(String field) {
        String value = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        markers.put(field, value);
        return value;
    }

    private static io.restassured.response.Response step(String token, String item, Map<String, Object> body) {
        return given().auth().oauth2(token).header("Idempotency-Key", "clear-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(body).post(ITEMS + "/" + item + "/custody");
    }

    @Test
    void custodyFreeTextIsInTheCustodyLogAndNowhereElse() throws Exception {
        String medical = Tokens.medicalOfficer("KHI");
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING");
        String item = EvidenceApi.registerCollectedAt(medical, caseId, "CLOTHING", Instant.now())
                .then().statusCode(201).extract().path("item.id");
        step(medical, item, Map.of("action", "STORED", "location", "locker " + marker("location"),
                "storageConditions", "dry " + marker("storage conditions"))).then().statusCode(201);
        step(medical, item, Map.of("action", "TRANSFERRED", "to", "custodian:police-surgeon-khi",
                "courier", "courier " + marker("courier"))).then().statusCode(201);
        step(Tokens.custodian("police-surgeon-khi"), item, Map.of("action", "RECEIVED", "sealIntact", false,
                "sealNumber", "X-1", "condition", "torn " + marker("condition"))).then().statusCode(201);

        Map<String, List<String>> foundIn = new LinkedHashMap<>();
        try (Connection c = EmbeddedPostgresResource.server().getDatabase("postgres", "evidence").getConnection();
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
            assertThat(tables).contains(HOME, "public.idempotent_request", "public.outbox_event");
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        markers.forEach((field, value) -> {
                            if (row.contains(value) || row.contains(hex(value))) {
                                foundIn.computeIfAbsent(field, f -> new ArrayList<>()).add(table);
                            }
                        });
                    }
                }
            }
        }
        markers.keySet().forEach(field -> assertThat(foundIn.get(field)).as(field + " found in").containsOnly(HOME));
        // A set, not a sequence: rows come back in heap order, which follows the pooled connection that inserted them.
        assertThat(foundIn.keySet()).as("every marker is in the custody log")
                .containsExactlyInAnyOrderElementsOf(markers.keySet());
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
