package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Year;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.cases.ACase;
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

import com.networknt.schema.Error;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The whole stack of one request: a real token checked against the OIDC server, a row in the real
 * PostgreSQL, an event on the real Kafka broker, and problem responses for everything that is wrong.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class CaseIntakeTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void caseWorkerOpensCaseWhichIsStoredAndPublished() throws Exception {
        String id = given().auth().oauth2(Tokens.caseWorker("KHI"))
                .contentType(ContentType.JSON).body(ACase.walkIn().arrivedAgo(Duration.ofHours(1)).body())
                .when().post("/api/v1/cases")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/cases/[0-9a-f-]{36}"))
                .header("ETag", notNullValue())
                .body("reference", matchesPattern("KHI-" + Year.now().getValue() + "-\\d{5}"))
                .body("cell", equalTo("KHI"))
                .body("status", equalTo("INTAKE"))
                .extract().path("id");

        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT cell_code, channel FROM survivor_case WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (var row = query.executeQuery()) {
                assertThat(row.next()).as("case row in PostgreSQL").isTrue();
                assertThat(row.getString("cell_code")).isEqualTo("KHI");
                assertThat(row.getString("channel")).isEqualTo("WALK_IN");
            }
        }

        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            ConsumerRecord<String, String> record = reader.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
            assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo("arcc.case.opened.v1");
            assertThat(KafkaTopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(KafkaTopicReader.header(record, "ce_source")).isEqualTo("/arcc/cases");
            assertThat(KafkaTopicReader.header(record, "ce_subject")).isEqualTo(id);
            assertThat(KafkaTopicReader.header(record, "ce_id")).isNotBlank();
            assertThat(KafkaTopicReader.header(record, "content-type")).isEqualTo("application/json");
            java.util.List<Error> errors = EventSchemas.validate("arcc.case.opened.v1", record.value());
            assertThat(errors).as("payload against its JSON Schema").isEmpty();
        }
    }

    @Test
    void journeyOnesClassifiedIntakeIsStoredShownAndPublishedAsCodes() throws Exception {
        String id = given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON)
                .body(ACase.rapeAndCyberStalking().vulnerabilities("PREGNANT").disabilities("HEARING").body())
                .post("/api/v1/cases").then().statusCode(201)
                .body("sexGender", equalTo("FEMALE"))
                .body("incidentType", equalTo("RAPE"))
                .body("legalSections", contains("PPC_376", "PECA_24"))
                .body("disabilities", contains("HEARING"))
                .body("vulnerabilities", contains("PREGNANT"))
                .body("incidentDate", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .extract().path("id");

        given().auth().oauth2(Tokens.counsellor("KHI")).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("incidentType", equalTo("RAPE")).body("legalSections", contains("PPC_376", "PECA_24"));
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT sex_gender, incident_type, legal_sections, incident_date FROM survivor_case WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("sex_gender")).isEqualTo("FEMALE");
                assertThat(row.getString("incident_type")).isEqualTo("RAPE");
                assertThat(row.getString("legal_sections")).isEqualTo("PPC_376,PECA_24");
                assertThat(row.getDate("incident_date")).isNotNull();
            }
        }

        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            ConsumerRecord<String, String> v2 = reader.awaitRecord(r -> id.equals(r.key())
                    && "arcc.case.opened.v2".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(EventSchemas.validate("arcc.case.opened.v2", v2.value())).as("v2 against its schema").isEmpty();
            var payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v2.value());
            assertThat(payload.get("incidentType").asText()).isEqualTo("RAPE");
            assertThat(payload.get("legalSections").toString()).isEqualTo("[\"PPC_376\",\"PECA_24\"]");
            assertThat(payload.get("sexGender").asText()).isEqualTo("FEMALE");
            assertThat(payload.get("vulnerabilities").toString()).isEqualTo("[\"PREGNANT\"]");
            // v1 goes out beside it, unchanged, for the consumers that still read it.
            ConsumerRecord<String, String> v1 = reader.awaitRecord(r -> id.equals(r.key())
                    && "arcc.case.opened.v1".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(EventSchemas.validate("arcc.case.opened.v1", v1.value())).isEmpty();
        }
    }

    @Test
    void whatIntakeDoesNotKnowYetStaysUnknown() throws Exception {
        String id = given().auth().oauth2(Tokens.caseWorker("ISB")).contentType(ContentType.JSON)
                .body(ACase.walkIn().body()).post("/api/v1/cases").then().statusCode(201)
                .body("sexGender", equalTo("NOT_STATED"))
                .body("incidentDate", org.hamcrest.Matchers.nullValue())
                .body("incidentType", org.hamcrest.Matchers.nullValue())
                .body("legalSections", org.hamcrest.Matchers.empty())
                .body("disabilities", org.hamcrest.Matchers.empty())
                .body("vulnerabilities", org.hamcrest.Matchers.empty())
                .extract().path("id");
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            ConsumerRecord<String, String> v2 = reader.awaitRecord(r -> id.equals(r.key())
                    && "arcc.case.opened.v2".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(EventSchemas.validate("arcc.case.opened.v2", v2.value())).as("nulls and empty lists").isEmpty();
        }
    }

    @Test
    void transgenderAndIntersexSurvivorsAreRecordedAsSuch() {
        for (String sexGender : new String[] { "TRANSGENDER", "INTERSEX", "MALE" }) {
            given().auth().oauth2(Tokens.caseWorker("LHE-1")).contentType(ContentType.JSON)
                    .body(ACase.walkIn().sexGender(sexGender).classified("SEXUAL_ASSAULT", "PPC_354").body())
                    .post("/api/v1/cases").then().statusCode(201).body("sexGender", equalTo(sexGender));
        }
    }

    @Test
    void intakeFieldsThatDisagreeAreRefusedByName() {
        String worker = Tokens.caseWorker("KHI");
        // An incident after the day of arrival (Pakistan time), and one before 1900.
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().incidentOn(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Karachi")).plusDays(2)).body())
                .post("/api/v1/cases").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body.incidentDate"));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().arrivedAgo(Duration.ofDays(10))
                        .incidentOn(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Karachi")).minusDays(5)).body())
                .post("/api/v1/cases").then().statusCode(400).body("errors.field", hasItem("body.incidentDate"));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().incidentOn(java.time.LocalDate.of(1899, 12, 31)).body())
                .post("/api/v1/cases").then().statusCode(400).body("errors.field", hasItem("body.incidentDate"));
        // An unaccompanied child needs a child's age band.
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().vulnerabilities("UNACCOMPANIED_CHILD").body())
                .post("/api/v1/cases").then().statusCode(400).body("errors.field", hasItem("body.vulnerabilities"));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().child().vulnerabilities("UNACCOMPANIED_CHILD").body())
                .post("/api/v1/cases").then().statusCode(201);
        // Codes outside the catalogues.
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().classified("RAPE", "PPC_376", "PPC_999").body())
                .post("/api/v1/cases").then().statusCode(400).body("errors.field", hasItem("body.legalSections[1]"));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().classified("ROBBERY").body())
                .post("/api/v1/cases").then().statusCode(400).body("errors.field", hasItem("body.incidentType"));
    }

    @Test
    void everyEventPublishedOnTheCasesTopicMatchesItsSchema() {
        open(Tokens.caseWorker("LHE-2"));
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            reader.awaitRecord(r -> r.value().contains("LHE-2-"), Duration.ofSeconds(30));
            java.util.List<ConsumerRecord<String, String>> all = reader.readUntilQuiet(Duration.ofSeconds(1));
            assertThat(all).isNotEmpty().allSatisfy(r -> assertThat(
                    EventSchemas.validate(KafkaTopicReader.header(r, "ce_type"), r.value()))
                    .as("schema errors of %s", KafkaTopicReader.header(r, "ce_id")).isEmpty());
        }
    }

    @Test
    void eachCellNumbersItsOwnReferences() {
        String first = open(Tokens.caseWorker("MUX"));
        String second = open(Tokens.supervisor("MUX"));
        int a = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
        int b = Integer.parseInt(second.substring(second.lastIndexOf('-') + 1));
        assertThat(first).startsWith("MUX-");
        assertThat(b).isEqualTo(a + 1);
    }

    @Test
    void staffOfTheCellReadTheCaseBack() {
        String location = given().auth().oauth2(Tokens.caseWorker("RWP"))
                .contentType(ContentType.JSON).body(ACase.broughtByPolice().child().body())
                .post("/api/v1/cases").then().statusCode(201).extract().header("Location");

        given().auth().oauth2(Tokens.medicalOfficer("RWP"))
                .when().get(location)
                .then().statusCode(200)
                .body("channel", equalTo("POLICE"))
                .body("ageBand", equalTo("CHILD_0_11"))
                .body("child", equalTo(true));
    }

    @Test
    void anotherCellGets404AsIfTheCaseDidNotExist() {
        String location = given().auth().oauth2(Tokens.caseWorker("KHI"))
                .contentType(ContentType.JSON).body(ACase.walkIn().body())
                .post("/api/v1/cases").then().statusCode(201).extract().header("Location");

        given().auth().oauth2(Tokens.caseWorker("LHE-1"))
                .when().get(location)
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:arcc:problem:not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void unknownCaseIs404Problem() {
        given().auth().oauth2(Tokens.caseWorker("KHI"))
                .when().get("/api/v1/cases/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("requestId", notNullValue());
    }

    @Test
    void noTokenIs401Problem() {
        given().contentType(ContentType.JSON).body(ACase.walkIn().body())
                .when().post("/api/v1/cases")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", matchesPattern("Bearer.*"))
                .body("type", equalTo("urn:arcc:problem:unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void brokenTokensAre401Problems() {
        for (String token : new String[] {
                Tokens.as("case-worker").inCell("KHI").expired(),
                Tokens.as("case-worker").inCell("KHI").tampered(),
                Tokens.as("case-worker").inCell("KHI").wrongIssuer(),
                Tokens.as("case-worker").inCell("KHI").wrongAudience(),
                Tokens.as("case-worker").inCell("KHI").signedByUnknownKey() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(ACase.walkIn().body())
                    .when().post("/api/v1/cases")
                    .then().statusCode(401).contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:arcc:problem:unauthenticated"));
        }
    }

    @Test
    void wrongRoleIs403Problem() {
        for (String token : new String[] { Tokens.analyst(), Tokens.partner("ngo-42"), Tokens.custodian("lab") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(ACase.walkIn().body())
                    .when().post("/api/v1/cases")
                    .then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:arcc:problem:forbidden"));
        }
        given().auth().oauth2(Tokens.analyst())
                .when().get("/api/v1/cases/" + UUID.randomUUID())
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void staffTokenWithoutCellIsRefused() {
        given().auth().oauth2(Tokens.as("case-worker").sign())
                .contentType(ContentType.JSON).body(ACase.walkIn().body())
                .when().post("/api/v1/cases")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void missingAndInvalidFieldsAreListed() {
        given().auth().oauth2(Tokens.caseWorker("KHI"))
                .contentType(ContentType.JSON).body(ACase.walkIn().without("channel").without("arrivedAt").body())
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:arcc:problem:validation"))
                .body("errors.field", hasItem("body.channel"))
                .body("errors.field", hasItem("body.arrivedAt"));

        String rejected = given().auth().oauth2(Tokens.caseWorker("KHI"))
                .contentType(ContentType.JSON).body(ACase.walkIn().with("channel", "CARRIER_PIGEON").body())
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body.channel"))
                .extract().asString();
        assertThat(rejected).as("a rejected value is never echoed: it could be identity").doesNotContain("CARRIER_PIGEON");
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheFirstResult() throws Exception {
        String token = Tokens.caseWorker("KHI");
        String key = "intake-" + UUID.randomUUID();
        long casesBefore = casesInTheDatabase();
        // A first attempt that fails releases the key.
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(ACase.walkIn().without("channel").body()).post("/api/v1/cases").then().statusCode(400);
        assertThat(casesInTheDatabase()).as("cases after the failed attempt").isEqualTo(casesBefore);
        var first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(ACase.walkIn().body()).post("/api/v1/cases").then().statusCode(201).extract();
        var retry = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(ACase.walkIn().body()).post("/api/v1/cases").then().statusCode(201).extract();
        assertThat(casesInTheDatabase()).as("cases after an intake and its retry").isEqualTo(casesBefore + 1);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        String id = first.path("id");
        assertThat((String) retry.path("id")).isEqualTo(id);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(java.util.Map.of("cnic", "12345-1234567-1")).header("X-Access-Purpose", "CARE")
                .post("/api/v1/cases/identity-lookups").then().statusCode(422).contentType(PROBLEM_JSON);
        given().auth().oauth2(token).header("Idempotency-Key", "bad key!").contentType(ContentType.JSON)
                .body(ACase.walkIn().body()).post("/api/v1/cases").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    /** Every case row, whoever made it: a doubled or a lost intake changes this, not a count by primary key. */
    private long casesInTheDatabase() throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("SELECT count(*) FROM survivor_case");
                var rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        given().auth().oauth2(Tokens.caseWorker("KHI"))
                .contentType(ContentType.JSON).body(ACase.walkIn().with("survivorName", "should never be sent here").body())
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body.survivorName"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("should never be sent here")));
    }

    @Test
    void futureArrivalIsRefused() {
        given().auth().oauth2(Tokens.caseWorker("KHI"))
                .contentType(ContentType.JSON).body(ACase.walkIn().arrivedAgo(Duration.ofHours(-3)).body())
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body.arrivedAt"));
    }

    @Test
    void malformedJsonIs400ProblemWithoutInternals() {
        String body = given().auth().oauth2(Tokens.caseWorker("KHI"))
                .contentType(ContentType.JSON).body("{\"channel\": ")
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:arcc:problem:malformed-request"))
                .extract().asString();
        assertThat(body).doesNotContain("com.fasterxml", "Exception", "at org.");
    }

    @Test
    void requestIdRoundTripsAndIsGeneratedWhenAbsent() {
        given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Request-Id", "client-req-0001")
                .when().get("/api/v1/cases/" + UUID.randomUUID())
                .then().statusCode(404)
                .header("X-Request-Id", equalTo("client-req-0001"))
                .body("requestId", equalTo("client-req-0001"));

        given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Request-Id", "bad id\nwith newline")
                .when().get("/api/v1/cases/" + UUID.randomUUID())
                .then().statusCode(404)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    private static String open(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(ACase.walkIn().body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("reference");
    }
}
