package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.arcc.cases.ACase;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * No broker at all: the service still takes intakes (their events wait in the outbox, none lost), stays
 * ready, and says plainly on the wellness endpoint that Kafka is unreachable.
 */
@QuarkusTest
@TestProfile(BrokerUnavailableTest.NoBroker.class)
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases_nobroker"))
@WithTestResource(OidcTestServerResource.class)
class BrokerUnavailableTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A port nothing listens on.
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1", "kafka.producer.max-block", "1s");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void intakeIsKeptInTheOutboxWhileTheBrokerIsAway() throws Exception {
        String id = given().auth().oauth2(Tokens.caseWorker("ISB"))
                .contentType(ContentType.JSON).body(ACase.walkIn().body())
                .when().post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");

        List<String> waiting = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(
                        "SELECT event_type FROM outbox_event WHERE aggregate_id = ? ORDER BY position")) {
            query.setString(1, UUID.fromString(id).toString());
            try (var row = query.executeQuery()) {
                while (row.next()) {
                    waiting.add(row.getString(1));
                }
            }
        }
        // In the order they will be published: the case's events as the intake wrote them, then its audit record.
        assertThat(waiting).as("the intake's events waiting in the outbox, by position")
                .startsWith("arcc.case.opened.v1", "arcc.case.opened.v2")
                .contains("arcc.audit.access.v1");
        assertThat(waiting).filteredOn(type -> type.startsWith("arcc.case."))
                .containsExactly("arcc.case.opened.v1", "arcc.case.opened.v2");
    }

    @Test
    void readinessHoldsAndWellnessNamesTheBroker() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'kafka' }.data.reason", startsWith("broker unreachable at 127.0.0.1:1"));
    }
}
