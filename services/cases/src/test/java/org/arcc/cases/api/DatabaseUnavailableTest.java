package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.arcc.cases.ACase;
import org.arcc.cases.CasesApi;
import org.arcc.testing.CuttablePostgresResource;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The service's PostgreSQL goes away (every connection dropped, new ones refused: what a restart looks like to the
 * service) and comes back: meanwhile every request is answered {@code 503 temporarily-unavailable} with
 * {@code Retry-After}, never a {@code 500}, naming nothing internal; and an intake refused that way, sent again
 * with the same {@code Idempotency-Key} once the database is back, opens exactly one case.
 */
@QuarkusTest
@WithTestResource(value = CuttablePostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases_dbaway"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class DatabaseUnavailableTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @AfterEach
    void databaseBack() {
        CuttablePostgresResource.link().restore();
    }

    @Test
    void whileTheDatabaseIsAwayRequestsAreToldToRetryAndARetryWithTheSameKeyOpensOneCase() throws Exception {
        String token = Tokens.caseWorker("RWP");
        String earlier = CasesApi.openCase(token); // the pool now holds connections, which the cut breaks
        long before = casesOf("RWP");
        String key = "intake-" + UUID.randomUUID();

        CuttablePostgresResource.link().cut();
        Response refused = intake(token, key);
        refused.then().statusCode(503).contentType(PROBLEM_JSON)
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:arcc:problem:temporarily-unavailable"))
                .body("status", equalTo(503))
                .body("requestId", not(emptyOrNullString()));
        assertThat(refused.asString()).as("a refusal names nothing internal")
                .doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("postgres")
                .doesNotContainIgnoringCase("hibernate").doesNotContainIgnoringCase("exception")
                .doesNotContain("localhost").doesNotContain("cases_dbaway");
        given().auth().oauth2(token).get("/api/v1/cases/" + earlier)
                .then().statusCode(503).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:arcc:problem:temporarily-unavailable"));

        CuttablePostgresResource.link().restore();
        List<Integer> whileReconnecting = new ArrayList<>();
        Response opened = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> intake(token, key), answer -> {
                    if (answer.statusCode() != 201) {
                        whileReconnecting.add(answer.statusCode());
                    }
                    return answer.statusCode() == 201;
                });
        assertThat(whileReconnecting).as("answers before the retry went through").allMatch(status -> status == 503);
        Response again = intake(token, key);
        again.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));

        assertThat(again.<String>path("id")).isEqualTo(opened.path("id"));
        assertThat(casesOf("RWP")).as("cases opened by the refused intake and its retries").isEqualTo(before + 1);
    }

    private static Response intake(String token, String key) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(ACase.walkIn().body()).post("/api/v1/cases");
    }

    private static long casesOf(String cell) throws SQLException {
        // Straight to PostgreSQL, not through the link the service uses.
        try (Connection c = EmbeddedPostgresResource.server().getDatabase("postgres", "cases_dbaway").getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM survivor_case WHERE cell_code = '" + cell + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
