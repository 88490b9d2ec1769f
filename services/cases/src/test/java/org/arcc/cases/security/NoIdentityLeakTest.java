package org.arcc.cases.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.cases.AnIdentity;
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
 * Writes identities through every path that handles them, the failing ones included, then looks for every
 * identifying value everywhere it must never be: the log, every event on every topic, the metrics, the
 * error bodies and partner views, and the audit, outbox, case, onward-referral and webhook tables.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class NoIdentityLeakTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Inject
    DataSource dataSource;

    @Test
    void noIdentityValueLeavesTheIdentityResource() throws Exception {
        AnIdentity adult = AnIdentity.adult();
        AnIdentity child = AnIdentity.childWithGuardian();
        List<String> errorBodies = new ArrayList<>();

        String adultCase = CasesApi.openCaseWithIdentity(Tokens.caseWorker("KHI"), adult);
        String childCase = CasesApi.openCaseWithIdentity(Tokens.caseWorker("KHI"), child);
        given().auth().oauth2(Tokens.medicalOfficer("KHI")).header("X-Access-Purpose", "MEDICO_LEGAL")
                .get("/api/v1/cases/" + childCase + "/identity").then().statusCode(200);
        given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Access-Purpose", "CARE")
                .contentType(ContentType.JSON).body(Map.of("cnic", child.guardianCnic()))
                .post("/api/v1/cases/identity-lookups").then().statusCode(200);

        // Failing paths: invalid values, wrong cell, wrong role, malformed JSON carrying identity.
        var invalid = adult.body();
        invalid.put("cnic", adult.name());
        invalid.put("phone", adult.address());
        errorBodies.add(given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON).body(invalid)
                .put("/api/v1/cases/" + adultCase + "/identity").then().statusCode(400).extract().asString());
        errorBodies.add(given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + adult.name() + "\", \"cnic\": ")
                .put("/api/v1/cases/" + adultCase + "/identity").then().statusCode(400).extract().asString());
        errorBodies.add(given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON)
                .body(Map.of("name", List.of(adult.name()), "cnic", adult.cnic()))
                .put("/api/v1/cases/" + adultCase + "/identity").then().statusCode(400).extract().asString());
        errorBodies.add(given().auth().oauth2(Tokens.caseWorker("LHE-1")).contentType(ContentType.JSON).body(adult.body())
                .put("/api/v1/cases/" + adultCase + "/identity").then().statusCode(404).extract().asString());
        errorBodies.add(given().auth().oauth2(Tokens.counsellor("KHI")).contentType(ContentType.JSON).body(adult.body())
                .put("/api/v1/cases/" + adultCase + "/identity").then().statusCode(403).extract().asString());
        errorBodies.add(given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Access-Purpose", "CARE")
                .contentType(ContentType.JSON).body(Map.of("cnic", adult.phone()))
                .post("/api/v1/cases/identity-lookups").then().statusCode(400).extract().asString());
        // An onward referral whose note names people: the note stays encrypted with the cell, the partner and
        // its webhook get codes only; a malformed one does not echo what it carried.
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "secret", "s".repeat(40)))
                .put("/api/v1/partners/ngo-leak-check/webhook").then().statusCode(204);
        CasesApi.giveSharingConsent(Tokens.caseWorker("KHI"), adultCase, "ngo-leak-check");
        String onward = given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON)
                .body(Map.of("partner", "ngo-leak-check", "serviceKind", "SHELTER", "urgency", "EMERGENCY",
                        "sexGender", "FEMALE", "note", "Call " + adult.name() + " on " + adult.phone() + " at " + adult.address()))
                .post("/api/v1/cases/" + adultCase + "/onward-referrals").then().statusCode(201).extract().path("id");
        errorBodies.add(given().auth().oauth2(Tokens.partner("ngo-leak-check")).get("/api/v1/onward-referrals/" + onward)
                .then().statusCode(200).extract().asString());
        errorBodies.add(given().auth().oauth2(Tokens.partner("ngo-leak-check")).get("/api/v1/onward-referrals")
                .then().statusCode(200).extract().asString());
        errorBodies.add(given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON)
                .body(Map.of("partner", adult.name(), "serviceKind", adult.cnic(), "urgency", "EMERGENCY", "sexGender", "FEMALE",
                        "note", adult.address()))
                .post("/api/v1/cases/" + adultCase + "/onward-referrals").then().statusCode(400).extract().asString());
        given().auth().oauth2(Tokens.supervisor("KHI")).delete("/api/v1/cases/" + adultCase + "/identity")
                .then().statusCode(204);

        List<String> secrets = new ArrayList<>(adult.secrets());
        secrets.addAll(child.secrets());

        String events = readTopics(Topics.CASES, Topics.AUDIT, Topics.deadLetter(Topics.CASES),
                Topics.deadLetter(Topics.AUDIT));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String log = Files.readString(Path.of(logFile));
        String tables = dump("SELECT * FROM audit_record") + dump("SELECT * FROM outbox_event")
                + dump("SELECT * FROM survivor_case") + dump("SELECT * FROM onward_referral")
                + dump("SELECT * FROM webhook_delivery") + dump("SELECT * FROM case_reopening");

        assertThat(events).as("events were read").contains(adultCase);
        assertThat(log).as("the log was read").contains("arcc-cases");
        for (String secret : secrets) {
            assertThat(log).as("log").doesNotContain(secret);
            assertThat(events).as("events").doesNotContain(secret);
            assertThat(metrics).as("metrics").doesNotContain(secret);
            assertThat(tables).as("audit, outbox and case tables").doesNotContain(secret);
            errorBodies.forEach(body -> assertThat(body).as("error body").doesNotContain(secret));
        }
    }

    private String readTopics(String... topics) {
        StringBuilder all = new StringBuilder();
        for (String topic : topics) {
            try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, topic)) {
                for (ConsumerRecord<String, String> r : reader.readUntilQuiet(Duration.ofSeconds(2))) {
                    all.append(r.key()).append(' ').append(r.value()).append(' ');
                    r.headers().forEach(h -> all.append(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)).append(' '));
                }
            }
        }
        return all.toString();
    }

    private String dump(String sql) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    text.append(rs.getString(i)).append(' ');
                }
            }
        }
        return text.toString();
    }
}
