package org.arcc.cases.journeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.cases.ACase;
import org.arcc.cases.AnIdentity;
import org.arcc.contracts.Topics;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.EventSchemas;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Journey 2 (docs: shared/design/JOURNEYS.md): a 9-year-old girl brought by police to the Multan cell. Her
 * mother consents; the exam comes at T+7h, past the 6-hour limit, and the breach is published and shown;
 * she gets every service she needs; the supervisor approves the closure.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ChildSurvivorJourneyTest {

    private static final String MUX = "MUX";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void childBroughtByPoliceWithGuardianConsentThroughToSupervisedClosure() {
        String worker = Tokens.caseWorker(MUX);
        String medical = Tokens.medicalOfficer(MUX);
        Instant arrived = Instant.now().minus(Duration.ofHours(7));
        String id = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.broughtByPolice().child().sexGender("FEMALE").classified("RAPE", "PPC_376_3")
                        .with("arrivedAt", arrived.toString()).body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(AnIdentity.childWithGuardian().body())
                .put("/api/v1/cases/" + id + "/identity").then().statusCode(204);

        // The child herself cannot consent; her mother does, with the child's assent recorded.
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("purpose", "MEDICAL_EXAM", "givenBy", "SURVIVOR"))
                .post("/api/v1/cases/" + id + "/consents").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("guardian"));
        for (String purpose : new String[] { "MEDICAL_EXAM", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING", "POLICE_REPORT" }) {
            given().auth().oauth2(worker).contentType(ContentType.JSON)
                    .body(Map.of("purpose", purpose, "givenBy", "GUARDIAN", "childAssent", true))
                    .post("/api/v1/cases/" + id + "/consents").then().statusCode(201)
                    .body("givenBy", equalTo("GUARDIAN"));
        }

        // T+7h: the medico-legal exam, one hour late.
        given().auth().oauth2(medical).contentType(ContentType.JSON)
                .body(Map.of("service", "MEDICO_LEGAL_EXAM", "deliveredAt", Instant.now().toString(),
                        "notes", "Examined by the female medical officer; findings in the MLC report."))
                .post("/api/v1/cases/" + id + "/services").then().statusCode(201);
        given().auth().oauth2(medical).contentType(ContentType.JSON)
                .body(Map.of("service", "FORENSIC_EVIDENCE_COLLECTION", "deliveredAt", Instant.now().toString()))
                .post("/api/v1/cases/" + id + "/services").then().statusCode(201);
        given().auth().oauth2(Tokens.counsellor(MUX)).contentType(ContentType.JSON)
                .body(Map.of("service", "PSYCHOSOCIAL_COUNSELLING", "deliveredAt", Instant.now().toString()))
                .post("/api/v1/cases/" + id + "/services").then().statusCode(201);
        given().auth().oauth2(Tokens.legalOfficer(MUX)).contentType(ContentType.JSON)
                .body(Map.of("service", "FIR_ASSISTANCE", "deliveredAt", Instant.now().toString()))
                .post("/api/v1/cases/" + id + "/services").then().statusCode(201);

        given().auth().oauth2(worker).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("deadlines.find { it.deadline == 'MEDICO_LEGAL_EXAM' }.status", equalTo("BREACHED"));
        given().auth().oauth2(worker).get("/api/v1/cases/" + id + "/services").then().statusCode(200)
                .body("", hasSize(4))
                .body("find { it.service == 'MEDICO_LEGAL_EXAM' }.notes",
                        equalTo("Examined by the female medical officer; findings in the MLC report."));

        // The workflow, step by step; only the supervisor closes.
        for (String status : new String[] { "ASSESSMENT", "ACTION_PLAN", "IMPLEMENTATION", "FOLLOW_UP" }) {
            given().auth().oauth2(worker).contentType(ContentType.JSON).body(Map.of("status", status))
                    .post("/api/v1/cases/" + id + "/status").then().statusCode(200).body("status", equalTo(status));
        }
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(Map.of("status", "CLOSED"))
                .post("/api/v1/cases/" + id + "/status").then().statusCode(403);
        given().auth().oauth2(Tokens.supervisor(MUX)).contentType(ContentType.JSON).body(Map.of("status", "CLOSED"))
                .post("/api/v1/cases/" + id + "/status").then().statusCode(200).body("status", equalTo("CLOSED"));
        given().auth().oauth2(medical).contentType(ContentType.JSON)
                .body(Map.of("service", "MEDICAL_TREATMENT", "deliveredAt", Instant.now().toString()))
                .post("/api/v1/cases/" + id + "/services").then().statusCode(409);

        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            ConsumerRecord<String, String> breach = reader.awaitRecord(r -> id.equals(r.key())
                    && "arcc.case.deadline-breached.v1".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
            ConsumerRecord<String, String> closed = reader.awaitRecord(r -> id.equals(r.key())
                    && "arcc.case.closed.v1".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
            var mine = reader.readUntilQuiet(Duration.ofSeconds(1)).stream().filter(r -> id.equals(r.key())).toList();
            assertThat(mine.stream().map(r -> KafkaTopicReader.header(r, "ce_type")))
                    .contains("arcc.case.opened.v1", "arcc.case.opened.v2", "arcc.case.consent-given.v1", "arcc.case.service-delivered.v1",
                            "arcc.case.status-changed.v1", "arcc.case.deadline-breached.v1", "arcc.case.closed.v1");
            assertThat(mine.stream().filter(r -> "arcc.case.deadline-breached.v1".equals(KafkaTopicReader.header(r, "ce_type"))))
                    .as("one breach per case").hasSize(1);
            mine.forEach(r -> assertThat(EventSchemas.validate(KafkaTopicReader.header(r, "ce_type"), r.value()))
                    .as(KafkaTopicReader.header(r, "ce_type")).isEmpty());
            assertThat(breach.value()).contains("MEDICO_LEGAL_EXAM");
            assertThat(closed.value()).contains(MUX);
            assertThat(mine.stream().map(ConsumerRecord::value)).noneMatch(v -> v.contains("MLC report"));
        }
    }
}
