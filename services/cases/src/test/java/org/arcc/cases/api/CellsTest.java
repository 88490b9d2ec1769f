package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.cases.ACase;
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

/** Cells are reference data: six seeded, more added by an administrator through the API, never by a code change. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class CellsTest {

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theSixCellsAreSeededAndEveryRoleReadsThem() {
        for (String token : List.of(Tokens.caseWorker("KHI"), Tokens.partner("ngo-demo"), Tokens.analyst(),
                Tokens.custodian("forensic-lab-demo"), Tokens.platformAdmin())) {
            List<String> codes = given().auth().oauth2(token).get("/api/v1/cells").then().statusCode(200)
                    .extract().path("items.code");
            assertThat(codes).contains("ISB", "KHI", "LHE-1", "LHE-2", "MUX", "RWP");
        }
        given().auth().oauth2(Tokens.caseWorker("MUX")).get("/api/v1/cells").then()
                .body("items.find { it.code == 'MUX' }.city", equalTo("Multan"));
        given().get("/api/v1/cells").then().statusCode(401);
    }

    @Test
    void anAdministratorAddsACellWhoseStaffThenOpenCases() {
        String code = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "ARCC Peshawar", "city", "Peshawar"))
                .post("/api/v1/cells").then().statusCode(201)
                .body("code", equalTo(code)).body("city", equalTo("Peshawar"));

        given().auth().oauth2(Tokens.partner("ngo-demo")).get("/api/v1/cells").then().body("items.code", hasItem(code));
        given().auth().oauth2(Tokens.caseWorker(code)).contentType(ContentType.JSON).body(ACase.walkIn().body())
                .post("/api/v1/cases").then().statusCode(201).body("reference", startsWith(code + "-"));
        // A case can now be transferred there.
        String khi = Tokens.caseWorker("KHI");
        String caseId = given().auth().oauth2(khi).contentType(ContentType.JSON).body(ACase.walkIn().body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(khi).contentType(ContentType.JSON).body(Map.of("toCell", code))
                .post("/api/v1/cases/" + caseId + "/transfers").then().statusCode(201);

        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Another", "city", "Elsewhere"))
                .post("/api/v1/cells").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:arcc:problem:conflict"));
    }

    @Test
    void onlyAnAdministratorAddsACellAndOnlyAValidOne() {
        Map<String, String> body = Map.of("code", "NOPE", "name", "ARCC Nope", "city", "Nowhere");
        for (String token : List.of(Tokens.supervisor("KHI"), Tokens.caseWorker("KHI"), Tokens.analyst(),
                Tokens.partner("ngo-demo"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/cells").then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", "lhe-3", "name", "ARCC Lahore 3", "city", "Lahore"))
                .post("/api/v1/cells").then().statusCode(400).body("errors.field", hasItem("body.code"));
        given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/cells").then()
                .body("items.code", org.hamcrest.Matchers.not(hasItem("NOPE")));
    }
}
