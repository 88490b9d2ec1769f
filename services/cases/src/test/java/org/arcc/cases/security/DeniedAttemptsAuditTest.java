package org.arcc.cases.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.arcc.cases.AnIdentity;
import org.arcc.cases.CasesApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Requests refused by a role check (403) are in the audit trail as DENIED: about one case, in that case's access
 * history; otherwise under the endpoint's route template, never under what the path carried.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class DeniedAttemptsAuditTest {

    @Inject
    DataSource dataSource;

    @Test
    void refusedAttemptsOnACaseAreInItsAccessHistory() {
        String caseId = CasesApi.openCaseWithIdentity(Tokens.caseWorker("ISB"), AnIdentity.adult());
        String counsellor = Tokens.as("counsellor").inCell("ISB").subject("counsellor-probing-" + caseId.substring(0, 8)).sign();
        String requestId = given().auth().oauth2(counsellor).header("X-Access-Purpose", "CARE")
                .get("/api/v1/cases/" + caseId + "/identity").then().statusCode(403).extract().header("X-Request-Id");
        assertThat(requestId).as("the refused request's id").isNotBlank();
        // Refused inside the use case: only the supervisor closes a case.
        given().auth().oauth2(Tokens.caseWorker("ISB")).contentType(ContentType.JSON).body(Map.of("status", "ASSESSMENT"))
                .post("/api/v1/cases/" + caseId + "/status").then().statusCode(200);
        for (String status : new String[] { "ACTION_PLAN", "IMPLEMENTATION", "FOLLOW_UP" }) {
            given().auth().oauth2(Tokens.caseWorker("ISB")).contentType(ContentType.JSON).body(Map.of("status", status))
                    .post("/api/v1/cases/" + caseId + "/status").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.caseWorker("ISB")).contentType(ContentType.JSON).body(Map.of("status", "CLOSED"))
                .post("/api/v1/cases/" + caseId + "/status").then().statusCode(403);

        List<Map<String, Object>> denied = given().auth().oauth2(Tokens.supervisor("ISB"))
                .get("/api/v1/cases/" + caseId + "/access-history").then().statusCode(200)
                .extract().jsonPath().getList("accesses.findAll { it.outcome == 'DENIED' }");
        assertThat(denied).hasSize(2);
        assertThat(denied.get(0)).containsEntry("actor", "counsellor-probing-" + caseId.substring(0, 8))
                .containsEntry("actorRoles", "counsellor").containsEntry("action", "READ")
                .containsEntry("resource", "api-request").containsEntry("purpose", "ROLE_CHECK")
                .containsEntry("requestId", requestId);
        assertThat(denied.get(1)).containsEntry("actorRoles", "case-worker").containsEntry("action", "CREATE");
    }

    @Test
    void refusedAttemptsElsewhereAreRecordedByRouteNeverByWhatThePathCarried() throws Exception {
        String partner = Tokens.as("partner-ngo").partner("ngo-probing").subject("partner-probing-client").sign();
        given().auth().oauth2(partner).get("/api/v1/cases").then().statusCode(403);
        given().auth().oauth2(partner).get("/api/v1/cases/35202-7654321-9").then().statusCode(403);

        List<String> rows = new ArrayList<>();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT resource_type, resource_id, outcome, action FROM audit_record WHERE actor = ?")) {
            s.setString(1, "partner-probing-client");
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
        }
        assertThat(rows).containsExactlyInAnyOrder("api-request /api/v1/cases DENIED READ",
                "api-request /api/v1/cases/{id} DENIED READ");
    }
}
