package org.arcc.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Bad parameters of every kind get a 4xx problem that names what is wrong, never a 500, never a stack trace,
 * and never echo the value sent.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class BadInputTest {

    static final String ECHO = "Ayesha-Bibi-0300-1234567";
    static final String TABLE = "/api/v1/reports/tables/survivors-by-age-band";
    static final String DHIS2 = "/api/v1/reports/dhis2/dataValueSets";

    record Case(String what, int status, Response response) {
    }

    @Test
    void everyKindOfBadParameterIsAProblemNotA500() {
        String analyst = Tokens.analyst();
        String admin = Tokens.platformAdmin();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("table: no period", 400, get(analyst, TABLE)));
        cases.add(new Case("table: no to", 400, get(analyst, TABLE + "?from=2026-01")));
        cases.add(new Case("table: month 13", 400, get(analyst, TABLE + "?from=2026-13&to=2026-12")));
        cases.add(new Case("table: from not a month", 400, get(analyst, TABLE + "?from=" + ECHO + "&to=2026-03")));
        cases.add(new Case("table: a day, not a month", 400, get(analyst, TABLE + "?from=2026-01-01&to=2026-03")));
        cases.add(new Case("table: from after to", 400, get(analyst, TABLE + "?from=2026-06&to=2026-01")));
        cases.add(new Case("table: over 36 months", 400, get(analyst, TABLE + "?from=2020-01&to=2026-01")));
        cases.add(new Case("table: unknown table", 404, get(analyst, "/api/v1/reports/tables/" + ECHO + "?from=2026-01&to=2026-03")));
        cases.add(new Case("table: unknown cell", 400, get(analyst, TABLE + "?from=2026-01&to=2026-03&cell=" + ECHO)));
        cases.add(new Case("table: unknown province", 400, get(analyst, TABLE + "?from=2026-01&to=2026-03&province=" + ECHO)));
        cases.add(new Case("table: a category of another table", 400, get(analyst, TABLE + "?from=2026-01&to=2026-03&category=EXAM_LATE")));
        cases.add(new Case("table: unknown category", 400, get(analyst, TABLE + "?from=2026-01&to=2026-03&category=" + ECHO)));
        cases.add(new Case("table: a media type it cannot answer in", 406, given().auth().oauth2(analyst)
                .accept("application/xml").get(TABLE + "?from=2026-01&to=2026-03")));
        cases.add(new Case("dhis2: no period", 400, get(analyst, DHIS2)));
        cases.add(new Case("dhis2: from after to", 400, get(analyst, DHIS2 + "?from=2026-06&to=2026-01")));
        cases.add(new Case("dhis2: to not a month", 400, get(analyst, DHIS2 + "?from=2026-01&to=" + ECHO)));
        cases.add(new Case("rebuild: id not a UUID", 400, get(admin, "/api/v1/reports/rebuild/" + ECHO)));
        cases.add(new Case("rebuild: no such rebuild", 404, get(admin, "/api/v1/reports/rebuild/" + UUID.randomUUID())));

        List<String> wrong = new ArrayList<>();
        for (Case bad : cases) {
            Response r = bad.response();
            String body = r.asString();
            String told = body.replaceAll("\"instance\":\"[^\"]*\"", "");
            if (r.statusCode() != bad.status()) {
                wrong.add(bad.what() + ": expected " + bad.status() + ", got " + r.statusCode() + " " + body);
            } else if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                wrong.add(bad.what() + ": " + r.statusCode() + " without a problem body: " + r.contentType());
            } else if (told.contains(ECHO) || told.contains("Exception") || told.contains("\tat ")) {
                wrong.add(bad.what() + ": the problem echoes input or a stack trace: " + body);
            } else if (r.jsonPath().getString("type") == null || r.jsonPath().getString("title") == null
                    || r.jsonPath().getInt("status") != bad.status() || r.jsonPath().getString("requestId") == null) {
                wrong.add(bad.what() + ": incomplete problem: " + body);
            }
        }
        assertThat(wrong).as("bad input answered wrongly").isEmpty();
    }

    private static Response get(String token, String path) {
        return given().auth().oauth2(token).get(path);
    }
}
