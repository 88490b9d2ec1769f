package org.arcc.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Slow, failing and missing upstreams, the circuit breaker, and rate limits that trip and recover. */
@QuarkusTest
@WithTestResource(OidcTestServerResource.class)
@WithTestResource(StubUpstreamResource.class)
class GatewayResilienceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aSlowServiceIs504() {
        given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/cases/slow").then().statusCode(504)
                .contentType(PROBLEM_JSON).body("type", equalTo("urn:arcc:problem:upstream-timeout"));
    }

    @Test
    void aServiceThatIsDownIs503() {
        StubUpstreamResource.stub().stop();
        try {
            given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/cases/down").then().statusCode(503)
                    .contentType(PROBLEM_JSON).body("type", equalTo("urn:arcc:problem:service-unavailable"));
        } finally {
            StubUpstreamResource.stub().start();
        }
        awaitClosedCircuit();
    }

    @Test
    void theCircuitOpensOnRepeatedFailuresAndClosesWhenTheServiceRecovers() {
        String token = Tokens.caseWorker("KHI");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/cases/fail-503").then().statusCode(503);
        }
        int reached = StubUpstreamResource.stub().hits("/api/v1/cases/fail-503");
        given().auth().oauth2(token).get("/api/v1/cases/fail-503").then().statusCode(503)
                .header("Retry-After", notNullValue()).contentType(PROBLEM_JSON);
        given().auth().oauth2(token).get("/api/v1/cases/healthy").then().statusCode(503);
        assertThat(StubUpstreamResource.stub().hits("/api/v1/cases/fail-503")).as("open circuit: nothing sent")
                .isEqualTo(reached);
        assertThat(StubUpstreamResource.stub().hits("/api/v1/cases/healthy")).isZero();

        awaitClosedCircuit();
        given().auth().oauth2(token).get("/api/v1/cases/healthy").then().statusCode(200);
    }

    @Test
    void aClientOverItsLimitGets429UntilItsBucketRefills() {
        // Its own subject, so no other test's requests share the bucket; counted to the first refusal, so a slow
        // machine (whose bucket refills while it sends) cannot make the test fail.
        String token = Tokens.as("case-worker").inCell("KHI").subject("rate-limited-client").sign();
        int accepted = 0;
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 300 && refused == null; i++) {
            var response = given().auth().oauth2(token).get("/api/v1/cases/limited");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                accepted++;
            }
        }
        assertThat(refused).as("a 429 once the burst of 20 (refilling at 10/s) is spent").isNotNull();
        assertThat(accepted).as("requests let through before the first refusal").isGreaterThanOrEqualTo(20);
        refused.then().contentType(PROBLEM_JSON).header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", equalTo("0")).header("RateLimit-Limit", equalTo("20"));
        // another client is not affected
        given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/cases/limited").then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/cases/limited").then().statusCode(200));
    }

    @Test
    void thePublicStatusLookupIsLimitedHardWithoutAToken() {
        int ok = 0;
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = given().get("/api/v1/evidence/status/CODE-1234").statusCode();
            ok += status == 200 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }
        assertThat(ok).isLessThanOrEqualTo(3).isPositive();
        assertThat(refused).isGreaterThanOrEqualTo(3);
    }

    private static void awaitClosedCircuit() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/cases/probe").then().statusCode(200));
    }
}
