package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.arcc.cases.AnIdentity;
import org.arcc.cases.CasesApi;
import org.arcc.common.audit.AuditChainVerifier;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Identity: encrypted at rest, read with a purpose, audited, searchable by CNIC, erasable. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class IdentityTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Inject
    AuditChainVerifier auditChain;

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void identityIsStoredEncryptedAndReadBackWithAPurpose() throws Exception {
        AnIdentity survivor = AnIdentity.childWithGuardian();
        String id = CasesApi.openCaseWithIdentity(Tokens.caseWorker("MUX"), survivor);

        given().auth().oauth2(Tokens.medicalOfficer("MUX")).header("X-Access-Purpose", "MEDICO_LEGAL")
                .when().get("/api/v1/cases/" + id + "/identity")
                .then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("name", equalTo(survivor.name()))
                .body("cnic", equalTo(survivor.cnic()))
                .body("guardian.cnic", equalTo(survivor.guardianCnic()))
                .body("guardian.relationship", equalTo("mother"));

        try (var c = dataSource.getConnection();
                var q = c.prepareStatement("SELECT * FROM survivor_identity WHERE case_id = ?")) {
            q.setObject(1, UUID.fromString(id));
            try (var row = q.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (String column : new String[] { "name", "cnic", "phone", "address", "guardian_name", "guardian_cnic" }) {
                    byte[] stored = row.getBytes(column);
                    assertThat(stored).as(column + " is stored").isNotNull();
                    String asText = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
                    survivor.secrets().forEach(secret -> assertThat(asText).as(column).doesNotContain(secret));
                }
                assertThat(row.getString("cnic_index")).hasSize(64);
            }
        }
    }

    @Test
    void aReadWithoutAPurposeIsRefused() {
        String id = CasesApi.openCaseWithIdentity(Tokens.caseWorker("KHI"), AnIdentity.adult());
        given().auth().oauth2(Tokens.caseWorker("KHI"))
                .when().get("/api/v1/cases/" + id + "/identity")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("X-Access-Purpose"));
        given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Access-Purpose", "CURIOSITY")
                .when().get("/api/v1/cases/" + id + "/identity")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void invalidIdentityFieldsAreListedWithoutEchoingThem() {
        String id = CasesApi.openCase(Tokens.caseWorker("KHI"));
        AnIdentity survivor = AnIdentity.adult();
        var body = survivor.body();
        body.put("cnic", survivor.name());
        body.put("phone", survivor.address());
        String problem = given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/cases/" + id + "/identity")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body.cnic"))
                .body("errors.field", hasItem("body.phone"))
                .extract().asString();
        survivor.secrets().forEach(secret -> assertThat(problem).doesNotContain(secret));
    }

    @Test
    void counsellorsAndPartnersCannotReadIdentity() {
        String id = CasesApi.openCaseWithIdentity(Tokens.caseWorker("KHI"), AnIdentity.adult());
        for (String token : new String[] { Tokens.counsellor("KHI"), Tokens.partner("ngo-42"), Tokens.analyst() }) {
            given().auth().oauth2(token).header("X-Access-Purpose", "CARE")
                    .when().get("/api/v1/cases/" + id + "/identity")
                    .then().statusCode(403).contentType(PROBLEM_JSON);
        }
    }

    @Test
    void anotherCellGets404ForTheIdentityAndItsAccessIsAudited() {
        String id = CasesApi.openCaseWithIdentity(Tokens.caseWorker("KHI"), AnIdentity.adult());
        given().auth().oauth2(Tokens.caseWorker("LHE-1")).header("X-Access-Purpose", "CARE")
                .when().get("/api/v1/cases/" + id + "/identity")
                .then().statusCode(404).contentType(PROBLEM_JSON);

        given().auth().oauth2(Tokens.supervisor("KHI"))
                .when().get("/api/v1/cases/" + id + "/access-history")
                .then().statusCode(200)
                .body("accesses.findAll { it.outcome == 'NOT_FOUND' && it.actorCell == 'LHE-1' }", hasSize(1))
                .body("accesses.findAll { it.action == 'UPDATE' && it.resource == 'case-identity' }", hasSize(1));
    }

    @Test
    void theSupervisorSeesWhoReadTheIdentityAndWhy() {
        String id = CasesApi.openCaseWithIdentity(Tokens.caseWorker("ISB"), AnIdentity.adult());
        given().auth().oauth2(Tokens.legalOfficer("ISB")).header("X-Access-Purpose", "POLICE_REPORT")
                .header("X-Request-Id", "legal-read-0001")
                .get("/api/v1/cases/" + id + "/identity").then().statusCode(200);

        given().auth().oauth2(Tokens.supervisor("ISB"))
                .when().get("/api/v1/cases/" + id + "/access-history")
                .then().statusCode(200)
                .body("accesses.find { it.requestId == 'legal-read-0001' }.purpose", equalTo("POLICE_REPORT"))
                .body("accesses.find { it.requestId == 'legal-read-0001' }.action", equalTo("READ"))
                .body("accesses.find { it.requestId == 'legal-read-0001' }.actorRoles", equalTo("legal-officer"));

        given().auth().oauth2(Tokens.caseWorker("ISB")).get("/api/v1/cases/" + id + "/access-history")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.supervisor("RWP")).get("/api/v1/cases/" + id + "/access-history")
                .then().statusCode(404);
        assertThat(auditChain.verify().problems()).isEmpty();
    }

    @Test
    void lookupByCnicFindsOnlyCasesOfTheCallersCell() {
        AnIdentity survivor = AnIdentity.childWithGuardian();
        String khiCase = CasesApi.openCaseWithIdentity(Tokens.caseWorker("KHI"), survivor);
        String rwpCase = CasesApi.openCaseWithIdentity(Tokens.caseWorker("RWP"), survivor);

        given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Access-Purpose", "CARE")
                .contentType(ContentType.JSON).body(java.util.Map.of("cnic", survivor.cnic().replace("-", "")))
                .when().post("/api/v1/cases/identity-lookups")
                .then().statusCode(200)
                .body("matches.caseId", equalTo(java.util.List.of(khiCase)));
        given().auth().oauth2(Tokens.caseWorker("RWP")).header("X-Access-Purpose", "CARE")
                .contentType(ContentType.JSON).body(java.util.Map.of("cnic", survivor.guardianCnic()))
                .when().post("/api/v1/cases/identity-lookups")
                .then().statusCode(200)
                .body("matches.caseId", equalTo(java.util.List.of(rwpCase)));
        given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Access-Purpose", "CARE")
                .contentType(ContentType.JSON).body(java.util.Map.of("cnic", "00000-0000000-0"))
                .when().post("/api/v1/cases/identity-lookups")
                .then().statusCode(200).body("matches", hasSize(0));
    }

    @Test
    void erasureDestroysTheKeyForGood() throws Exception {
        AnIdentity survivor = AnIdentity.adult();
        String id = CasesApi.openCaseWithIdentity(Tokens.caseWorker("LHE-2"), survivor);

        given().auth().oauth2(Tokens.caseWorker("LHE-2")).delete("/api/v1/cases/" + id + "/identity")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.supervisor("LHE-2")).accept("application/problem+json").delete("/api/v1/cases/" + id + "/identity")
                .then().statusCode(204);

        given().auth().oauth2(Tokens.caseWorker("LHE-2")).header("X-Access-Purpose", "CARE")
                .get("/api/v1/cases/" + id + "/identity")
                .then().statusCode(410).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:arcc:problem:gone"));
        given().auth().oauth2(Tokens.caseWorker("LHE-2")).header("X-Access-Purpose", "CARE")
                .contentType(ContentType.JSON).body(java.util.Map.of("cnic", survivor.cnic()))
                .post("/api/v1/cases/identity-lookups")
                .then().statusCode(200).body("matches", hasSize(0));
        given().auth().oauth2(Tokens.caseWorker("LHE-2")).get("/api/v1/cases/" + id)
                .then().statusCode(200);

        try (var c = dataSource.getConnection(); var q = c.prepareStatement("""
                SELECT k.wrapped, k.shredded_at, i.name, i.cnic_index FROM survivor_identity i
                JOIN data_key k ON k.id = i.data_key_id WHERE i.case_id = ?""")) {
            q.setObject(1, UUID.fromString(id));
            try (var row = q.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes("wrapped")).as("the data key is gone").isNull();
                assertThat(row.getTimestamp("shredded_at")).isNotNull();
                assertThat(row.getBytes("name")).isNull();
                assertThat(row.getString("cnic_index")).isNull();
            }
        }
        given().auth().oauth2(Tokens.supervisor("LHE-2")).get("/api/v1/cases/" + id + "/access-history")
                .then().statusCode(200)
                .body("accesses.findAll { it.action == 'ERASE' && it.outcome == 'SUCCESS' }", hasSize(1));
    }
}
