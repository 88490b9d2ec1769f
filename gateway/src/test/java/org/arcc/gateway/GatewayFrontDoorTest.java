package org.arcc.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Readiness follows the upstreams (one service down is shown but does not take the gateway out of rotation; none
 * reachable does); CORS only for configured origins; the merged API reference.
 */
@QuarkusTest
@WithTestResource(OidcTestServerResource.class)
@WithTestResource(StubUpstreamResource.class)
class GatewayFrontDoorTest {

    @Test
    void readinessReflectsTheUpstreams() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.cases", containsString("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.evidence", containsString("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.legal", containsString("DOWN"));
        StubUpstreamResource.stub().stop();
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'upstreams' }.data.cases", containsString("DOWN"));
        } finally {
            StubUpstreamResource.stub().start();
        }
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void corsAnswersOnlyConfiguredOrigins() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/cases").then().header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
        given().header("Origin", "https://evil.example.org").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/cases").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theApiReferenceListsEveryService() {
        given().get("/openapi/cases").then().statusCode(200).body("info.title", equalTo("stub cases"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/openapi/nowhere").then().statusCode(404).contentType("application/problem+json");
    }
}
