package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.arcc.cases.ACase;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Lists are always the caller's cell only, paged, and filtered by status, channel, dates and deadline. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class CaseListTest {

    @Test
    void aCellListsOnlyItsOwnCasesPagedAndFiltered() {
        String worker = Tokens.caseWorker("LHE-2");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(worker).contentType(ContentType.JSON).body(ACase.broughtByPolice().body())
                    .post("/api/v1/cases").then().statusCode(201);
        }
        String late = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().arrivedAgo(Duration.ofHours(9)).body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.caseWorker("ISB")).contentType(ContentType.JSON).body(ACase.broughtByPolice().body())
                .post("/api/v1/cases").then().statusCode(201);

        List<String> cells = given().auth().oauth2(worker).get("/api/v1/cases?size=100").then().statusCode(200)
                .extract().path("items.cell");
        assertThat(cells).isNotEmpty().containsOnly("LHE-2");

        given().auth().oauth2(worker).queryParams(Map.of("channel", "POLICE", "size", 2, "page", 0))
                .get("/api/v1/cases").then().statusCode(200)
                .body("items", hasSize(2)).body("items.channel", everyItem(equalTo("POLICE")))
                .body("size", equalTo(2));
        int total = given().auth().oauth2(worker).queryParam("channel", "POLICE").get("/api/v1/cases")
                .then().statusCode(200).extract().path("total");
        assertThat(total).isGreaterThanOrEqualTo(3);

        List<String> breached = given().auth().oauth2(worker).queryParam("examDeadlineBreached", true)
                .get("/api/v1/cases?size=100").then().statusCode(200).extract().path("items.id");
        assertThat(breached).contains(late);
        List<String> onTime = given().auth().oauth2(worker).queryParam("examDeadlineBreached", false)
                .get("/api/v1/cases?size=100").then().statusCode(200).extract().path("items.id");
        assertThat(onTime).doesNotContain(late);
        given().auth().oauth2(worker).queryParams(Map.of("openedFrom", "2999-01-01T00:00:00Z"))
                .get("/api/v1/cases").then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void theListFiltersByIncidentType() {
        String worker = Tokens.caseWorker("RWP");
        String rape = given().auth().oauth2(worker).contentType(ContentType.JSON).body(ACase.rapeAndCyberStalking().body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String forcedMarriage = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().classified("FORCED_MARRIAGE", "PPC_498_B").body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");

        List<String> found = given().auth().oauth2(worker).queryParam("incidentType", "RAPE")
                .get("/api/v1/cases?size=100").then().statusCode(200)
                .body("items.incidentType", everyItem(equalTo("RAPE"))).extract().path("items.id");
        assertThat(found).contains(rape).doesNotContain(forcedMarriage);
        given().auth().oauth2(worker).queryParam("incidentType", "THEFT").get("/api/v1/cases").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badListParametersAreProblems() {
        String worker = Tokens.caseWorker("KHI");
        for (String query : new String[] { "status=ARCHIVED", "size=500", "page=-1", "openedFrom=yesterday",
                "examDeadlineBreached=perhaps" }) {
            given().auth().oauth2(worker).get("/api/v1/cases?" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.analyst()).get("/api/v1/cases").then().statusCode(403);
    }
}
