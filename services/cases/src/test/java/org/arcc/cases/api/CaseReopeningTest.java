package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.cases.CasesApi;
import org.arcc.contracts.Topics;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Reopening a closed case keeps its reason (encrypted, shown only to roles that read notes) and who reopened
 * it when; the published status change carries none of the text.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class CaseReopeningTest {

    private static final String CELL = "RWP";
    private static final String REASON = "Her cousin Shazia Bibi brought new messages from the accused";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void theReasonIsKeptEncryptedShownToNoteReadersAndNeverPublished() throws Exception {
        String id = closedCase();
        String supervisorSubject = "supervisor-" + id.substring(0, 8);
        given().auth().oauth2(Tokens.as("cell-supervisor").inCell(CELL).subject(supervisorSubject).sign())
                .contentType(ContentType.JSON).body(Map.of("status", "ASSESSMENT", "reason", REASON))
                .post("/api/v1/cases/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("ASSESSMENT"))
                .body("reopenings", hasSize(1))
                .body("reopenings[0].reason", equalTo(REASON))
                .body("reopenings[0].reopenedBy", equalTo(supervisorSubject))
                .body("reopenings[0].reopenedByRole", equalTo("cell-supervisor"))
                .body("reopenings[0].reopenedAt", notNullValue());

        given().auth().oauth2(Tokens.counsellor(CELL)).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("reopenings[0].reason", equalTo(REASON));
        // An administrator's override reads the case, not the notes written about it.
        given().auth().oauth2(Tokens.platformAdmin()).header("X-Access-Reason", "Reopening review requested by the ombudsman")
                .get("/api/v1/cases/" + id).then().statusCode(200)
                .body("reopenings", hasSize(1))
                .body("reopenings[0].reopenedAt", notNullValue())
                .body("reopenings[0].reason", nullValue());
        given().auth().oauth2(Tokens.caseWorker(CELL)).get("/api/v1/cases?size=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.reopenings", nullValue());

        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT reason FROM case_reopening WHERE case_id = ?::uuid")) {
            s.setString(1, id);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as("the reopening is stored").isTrue();
                assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("Shazia");
            }
        }
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            ConsumerRecord<String, String> reopened = reader.awaitRecord(r -> id.equals(r.key())
                    && "arcc.case.status-changed.v1".equals(KafkaTopicReader.header(r, "ce_type"))
                    && r.value().contains("CLOSED") && r.value().contains("ASSESSMENT"), Duration.ofSeconds(30));
            assertThat(reopened.value()).doesNotContain("Shazia").doesNotContain("messages");
            reader.readUntilQuiet(Duration.ofSeconds(1)).stream().filter(r -> id.equals(r.key()))
                    .forEach(r -> assertThat(r.value()).doesNotContain("Shazia"));
        }
    }

    @Test
    void aReopeningWithoutAReasonIsRefusedAndStoresNothing() {
        String id = closedCase();
        given().auth().oauth2(Tokens.supervisor(CELL)).contentType(ContentType.JSON)
                .body(Map.of("status", "ASSESSMENT", "reason", "   "))
                .post("/api/v1/cases/" + id + "/status").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.supervisor(CELL)).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("reopenings", hasSize(0));
    }

    private static String closedCase() {
        String id = CasesApi.openCase(Tokens.caseWorker(CELL));
        for (String status : new String[] { "ASSESSMENT", "ACTION_PLAN", "IMPLEMENTATION", "FOLLOW_UP" }) {
            given().auth().oauth2(Tokens.caseWorker(CELL)).contentType(ContentType.JSON).body(Map.of("status", status))
                    .post("/api/v1/cases/" + id + "/status").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.supervisor(CELL)).contentType(ContentType.JSON).body(Map.of("status", "CLOSED"))
                .post("/api/v1/cases/" + id + "/status").then().statusCode(200);
        return id;
    }
}
