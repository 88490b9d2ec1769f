package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health endpoints answer without a token and reflect the real database and broker. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class HealthTest {

    @Test
    void liveAndReadyWithTheDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void theOpenApiDocumentListsTheCasesEndpoints() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/cases/{id}/identity"));
    }

    @Test
    void wellWhenTheBrokerAnswers() {
        given().when().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
    }
}
