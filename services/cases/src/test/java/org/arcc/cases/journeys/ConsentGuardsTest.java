package org.arcc.cases.journeys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.arcc.cases.ACase;
import org.arcc.cases.CasesApi;
import org.arcc.contracts.Topics;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What consent, roles, the workflow and the exam deadline refuse or raise. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ConsentGuardsTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aMissingOrWithdrawnConsentBlocksTheActionItGuards() {
        String id = CasesApi.openCase(Tokens.caseWorker("KHI"));
        var fir = Map.of("service", "FIR_ASSISTANCE", "deliveredAt", Instant.now().toString());
        given().auth().oauth2(Tokens.legalOfficer("KHI")).contentType(ContentType.JSON).body(fir)
                .post("/api/v1/cases/" + id + "/services").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:arcc:problem:consent-required"));

        String consent = CasesApi.giveConsent(Tokens.caseWorker("KHI"), id, "POLICE_REPORT");
        given().auth().oauth2(Tokens.legalOfficer("KHI")).contentType(ContentType.JSON).body(fir)
                .post("/api/v1/cases/" + id + "/services").then().statusCode(201);

        given().auth().oauth2(Tokens.caseWorker("KHI")).post("/api/v1/cases/" + id + "/consents/" + consent + "/withdrawal")
                .then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(Tokens.caseWorker("KHI")).post("/api/v1/cases/" + id + "/consents/" + consent + "/withdrawal")
                .then().statusCode(409);
        given().auth().oauth2(Tokens.legalOfficer("KHI")).contentType(ContentType.JSON).body(fir)
                .post("/api/v1/cases/" + id + "/services").then().statusCode(422);
    }

    @Test
    void aTeenagersConsentNeedsHerAssentAndSharingNeedsARecipient() {
        String id = given().auth().oauth2(Tokens.caseWorker("RWP")).contentType(ContentType.JSON)
                .body(ACase.walkIn().with("ageBand", "CHILD_12_17").body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.caseWorker("RWP")).contentType(ContentType.JSON)
                .body(Map.of("purpose", "MEDICAL_EXAM", "givenBy", "GUARDIAN"))
                .post("/api/v1/cases/" + id + "/consents").then().statusCode(400);
        given().auth().oauth2(Tokens.caseWorker("RWP")).contentType(ContentType.JSON)
                .body(Map.of("purpose", "SHARING", "givenBy", "GUARDIAN", "childAssent", true))
                .post("/api/v1/cases/" + id + "/consents").then().statusCode(400);
        given().auth().oauth2(Tokens.caseWorker("RWP")).contentType(ContentType.JSON)
                .body(Map.of("purpose", "SHARING", "givenBy", "GUARDIAN", "childAssent", true, "recipient", "ngo-demo"))
                .post("/api/v1/cases/" + id + "/consents").then().statusCode(201).body("recipient", equalTo("ngo-demo"));
    }

    @Test
    void eachServiceIsRecordedByItsOwnProfession() {
        String id = CasesApi.openCase(Tokens.caseWorker("ISB"));
        CasesApi.giveConsent(Tokens.caseWorker("ISB"), id, "MEDICAL_EXAM");
        given().auth().oauth2(Tokens.counsellor("ISB")).contentType(ContentType.JSON)
                .body(Map.of("service", "MEDICO_LEGAL_EXAM", "deliveredAt", Instant.now().toString()))
                .post("/api/v1/cases/" + id + "/services").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void illegalOrStaleMovesAreRefusedAndAClosedCaseReopensWithAReason() {
        String id = CasesApi.openCase(Tokens.caseWorker("LHE-2"));
        given().auth().oauth2(Tokens.caseWorker("LHE-2")).contentType(ContentType.JSON)
                .body(Map.of("status", "IMPLEMENTATION")).post("/api/v1/cases/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json");
        String etag = given().auth().oauth2(Tokens.caseWorker("LHE-2")).get("/api/v1/cases/" + id).then().extract().header("ETag");
        given().auth().oauth2(Tokens.caseWorker("LHE-2")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "ASSESSMENT")).post("/api/v1/cases/" + id + "/status").then().statusCode(200);
        given().auth().oauth2(Tokens.caseWorker("LHE-2")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "ACTION_PLAN")).post("/api/v1/cases/" + id + "/status")
                .then().statusCode(412).body("type", equalTo("urn:arcc:problem:precondition-failed"));
        for (String status : new String[] { "ACTION_PLAN", "IMPLEMENTATION", "FOLLOW_UP" }) {
            given().auth().oauth2(Tokens.caseWorker("LHE-2")).contentType(ContentType.JSON).body(Map.of("status", status))
                    .post("/api/v1/cases/" + id + "/status").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.supervisor("LHE-2")).contentType(ContentType.JSON).body(Map.of("status", "CLOSED"))
                .post("/api/v1/cases/" + id + "/status").then().statusCode(200);
        given().auth().oauth2(Tokens.supervisor("LHE-2")).contentType(ContentType.JSON).body(Map.of("status", "ASSESSMENT"))
                .post("/api/v1/cases/" + id + "/status").then().statusCode(400);
        given().auth().oauth2(Tokens.supervisor("LHE-2")).contentType(ContentType.JSON)
                .body(Map.of("status", "ASSESSMENT", "reason", "New evidence from the family"))
                .post("/api/v1/cases/" + id + "/status").then().statusCode(200).body("status", equalTo("ASSESSMENT"));
    }

    @Test
    void anOverdueExamIsFoundByTheWatcherWithoutAnyoneAsking() {
        String id = given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON)
                .body(ACase.walkIn().arrivedAgo(Duration.ofHours(8)).body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.supervisor("KHI")).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("deadlines.find { it.deadline == 'MEDICO_LEGAL_EXAM' }.status", equalTo("BREACHED"));
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            reader.awaitRecord(r -> id.equals(r.key())
                    && "arcc.case.deadline-breached.v1".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
        }
    }
}
