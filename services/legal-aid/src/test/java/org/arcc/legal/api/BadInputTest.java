package org.arcc.legal.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.arcc.legal.LegalApi;
import org.arcc.legal.LegalApi.Fixture;
import org.arcc.legal.LegalApi.Progress;
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
 * Bad input of every kind gets a 4xx problem response that names what is wrong, never a 500, never a stack
 * trace, and never echoes the value it was sent.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class BadInputTest {

    /** A value no answer may repeat back. */
    static final String ECHO = "Ayesha-Bibi-0300-1234567";

    record Case(String what, int status, Response response) {
    }

    @Test
    void everyKindOfBadInputIsAProblemNotA500() {
        String lo = Tokens.legalOfficer("KHI");
        Fixture fresh = LegalApi.fileAt("KHI", Progress.NEW);
        Fixture court = LegalApi.fileAt("KHI", Progress.COURT);
        String f = LegalApi.file(fresh.caseId());
        String c = LegalApi.file(court.caseId());
        String now = Instant.now().minusSeconds(60).toString();
        String today = LegalApi.today().toString();
        List<Case> cases = new ArrayList<>();

        cases.add(new Case("file: id not a UUID", 400, get(lo, LegalApi.FILES + "/" + ECHO)));
        cases.add(new Case("file: no such file", 404, get(lo, LegalApi.FILES + "/" + UUID.randomUUID())));
        cases.add(new Case("file: another cell's file", 404, get(Tokens.legalOfficer("MUX"), f)));
        cases.add(new Case("initials: a name, not initials", 400, post(lo, f + "/initials", "{\"initials\":\"" + ECHO + "\"}")));
        cases.add(new Case("initials: lowercase", 400, post(lo, f + "/initials", "{\"initials\":\"a.b.\"}")));
        cases.add(new Case("initials: empty body", 400, post(lo, f + "/initials", "")));
        cases.add(new Case("initials: wrong content type", 415, given().auth().oauth2(lo).contentType("text/plain").body("A.B.").post(f + "/initials")));

        String fir = "{\"policeStation\":\"ps-khi-women-saddar\",\"firNumber\":\"FIR-1/2026\",\"registeredAt\":\"" + now
                + "\",\"sections\":[\"PPC_376\"],\"officer\":\"SI Rukhsana\"";
        cases.add(new Case("fir: malformed JSON", 400, post(lo, f + "/fir", "{\"policeStation\": \"" + ECHO)));
        cases.add(new Case("fir: unknown field", 400, post(lo, f + "/fir", fir + ",\"survivorName\":\"" + ECHO + "\"}")));
        cases.add(new Case("fir: no sections", 400, post(lo, f + "/fir", fir.replace("[\"PPC_376\"]", "[]") + "}")));
        cases.add(new Case("fir: section not in the catalogue", 400, post(lo, f + "/fir", fir.replace("PPC_376", "PPC_999") + "}")));
        cases.add(new Case("fir: section badly written", 400, post(lo, f + "/fir", fir.replace("PPC_376", ECHO) + "}")));
        cases.add(new Case("fir: unknown police station", 400, post(lo, f + "/fir", fir.replace("ps-khi-women-saddar", "ps-nowhere") + "}")));
        cases.add(new Case("fir: time not a time", 400, post(lo, f + "/fir", fir.replace(now, ECHO) + "}")));
        cases.add(new Case("fir: time in the future", 400, post(lo, f + "/fir", fir.replace(now, "2099-01-01T00:00:00Z") + "}")));
        cases.add(new Case("fir: before the arrival", 400, post(lo, f + "/fir", fir.replace(now, "2020-01-01T00:00:00Z") + "}")));
        cases.add(new Case("fir: officer with markup", 400, post(lo, f + "/fir", fir.replace("SI Rukhsana", "<script>" + ECHO) + "}")));
        cases.add(new Case("fir: wrong JSON type", 400, post(lo, f + "/fir", fir.replace("\"FIR-1/2026\"", "{\"a\":1}") + "}")));
        cases.add(new Case("fir-refusal: unknown reason", 400, post(lo, f + "/fir-refusals", "{\"policeStation\":\"ps-khi-gulshan\",\"refusedAt\":\"" + now + "\",\"reason\":\"" + ECHO + "\",\"refusedBy\":\"Duty officer\"}")));
        cases.add(new Case("fir-refusal: no one refused", 400, post(lo, f + "/fir-refusals", "{\"policeStation\":\"ps-khi-gulshan\",\"refusedAt\":\"" + now + "\",\"reason\":\"OTHER\"}")));

        cases.add(new Case("investigation: before an FIR", 409, post(lo, f + "/investigation", "{\"unit\":\"ssoiu-khi\",\"investigatingOfficer\":\"Inspector S\"}")));
        cases.add(new Case("investigation: unknown unit", 400, post(lo, c + "/investigation", "{\"unit\":\"ssoiu-nowhere\",\"investigatingOfficer\":\"Inspector S\"}")));
        cases.add(new Case("step: unknown kind", 400, post(lo, c + "/investigation/steps", "{\"step\":\"" + ECHO + "\",\"on\":\"" + today + "\"}")));
        cases.add(new Case("step: s161 without femaleOfficerPresent", 400, post(lo, c + "/investigation/steps", "{\"step\":\"S161_STATEMENT\",\"on\":\"" + today + "\"}")));
        cases.add(new Case("step: DNA report without items", 400, post(lo, c + "/investigation/steps", "{\"step\":\"DNA_REPORT\",\"on\":\"" + today + "\",\"evidenceItemIds\":[]}")));
        cases.add(new Case("step: DNA report of an item not registered for the case", 400, post(lo, c + "/investigation/steps", "{\"step\":\"DNA_REPORT\",\"on\":\"" + today + "\",\"evidenceItemIds\":[\"" + UUID.randomUUID() + "\"]}")));
        cases.add(new Case("step: item id not a UUID", 400, post(lo, c + "/investigation/steps", "{\"step\":\"DNA_REPORT\",\"on\":\"" + today + "\",\"evidenceItemIds\":[\"" + ECHO + "\"]}")));
        cases.add(new Case("step: date not a date", 400, post(lo, c + "/investigation/steps", "{\"step\":\"S164_STATEMENT\",\"on\":\"" + ECHO + "\"}")));
        cases.add(new Case("step: date in the future", 400, post(lo, c + "/investigation/steps", "{\"step\":\"S164_STATEMENT\",\"on\":\"2099-01-01\"}")));

        cases.add(new Case("lawyer: not on the panel", 400, post(lo, c + "/representations", "{\"role\":\"LEGAL_AID_LAWYER\",\"panelLawyer\":\"lawyer-nobody\",\"on\":\"" + today + "\"}")));
        cases.add(new Case("lawyer: panel lawyer named by hand", 400, post(lo, c + "/representations", "{\"role\":\"LEGAL_AID_LAWYER\",\"lawyer\":\"Advocate X\",\"enrolment\":\"SHC-1\",\"on\":\"" + today + "\"}")));
        cases.add(new Case("lawyer: prosecutor without enrolment", 400, post(lo, c + "/representations", "{\"role\":\"SPECIAL_PROSECUTOR\",\"lawyer\":\"Mr P\",\"on\":\"" + today + "\"}")));
        cases.add(new Case("lawyer: accused's counsel already for the survivor", 409, post(lo, c + "/representations", "{\"role\":\"ACCUSED_COUNSEL\",\"lawyer\":\"Advocate Farah Siddiqui\",\"enrolment\":\"SHC-KHI-22019\",\"on\":\"" + today + "\"}")));
        cases.add(new Case("lawyer response: no such representation", 404, post(lo, c + "/representations/" + UUID.randomUUID() + "/response", "{\"accepted\":true,\"on\":\"" + today + "\"}")));
        cases.add(new Case("lawyer response: accepted not a boolean", 400, post(lo, c + "/representations/" + court.representationId() + "/response", "{\"accepted\":\"" + ECHO + "\",\"on\":\"" + today + "\"}")));

        cases.add(new Case("trial: a second one", 409, post(lo, c + "/trial", "{\"court\":\"Special Court\",\"courtCaseNumber\":\"SC-1/2026\",\"inCamera\":true,\"reachedCourtOn\":\"" + today + "\"}")));
        cases.add(new Case("trial: no inCamera", 400, post(lo, f + "/trial", "{\"court\":\"Special Court\",\"courtCaseNumber\":\"SC-1/2026\",\"reachedCourtOn\":\"" + today + "\"}")));
        cases.add(new Case("trial: court name too long", 400, post(lo, f + "/trial", "{\"court\":\"" + "x".repeat(300) + "\",\"courtCaseNumber\":\"SC-1/2026\",\"inCamera\":true,\"reachedCourtOn\":\"" + today + "\"}")));
        cases.add(new Case("hearing: before the court had the case", 400, post(lo, c + "/hearings", "{\"on\":\"2020-01-01\",\"purpose\":\"ARGUMENTS\"}")));
        cases.add(new Case("hearing: unknown purpose", 400, post(lo, c + "/hearings", "{\"on\":\"" + today + "\",\"purpose\":\"" + ECHO + "\"}")));
        cases.add(new Case("hearing: no trial yet", 409, post(lo, f + "/hearings", "{\"on\":\"" + today + "\",\"purpose\":\"ARGUMENTS\"}")));
        cases.add(new Case("outcome: adjourned without reason", 400, post(lo, c + "/hearings/" + court.hearingId() + "/outcome", "{\"outcome\":\"ADJOURNED\",\"nextOn\":\"" + LegalApi.today().plusDays(7) + "\"}")));
        cases.add(new Case("outcome: no such hearing", 404, post(lo, c + "/hearings/" + UUID.randomUUID() + "/outcome", "{\"outcome\":\"HELD\"}")));
        cases.add(new Case("outcome: hearing id not a UUID", 400, post(lo, c + "/hearings/" + ECHO + "/outcome", "{\"outcome\":\"HELD\"}")));
        cases.add(new Case("verdict: conviction without sentence", 400, post(lo, c + "/verdict", "{\"outcome\":\"CONVICTED\",\"sections\":[\"PPC_376\"],\"decidedOn\":\"" + today + "\"}")));
        cases.add(new Case("verdict: sentence with markup", 400, post(lo, c + "/verdict", "{\"outcome\":\"CONVICTED\",\"sections\":[\"PPC_376\"],\"sentence\":\"<b>" + ECHO + "\",\"decidedOn\":\"" + today + "\"}")));
        cases.add(new Case("verdict: no trial yet", 409, post(lo, f + "/verdict", "{\"outcome\":\"ACQUITTED\",\"sections\":[],\"decidedOn\":\"" + today + "\"}")));
        cases.add(new Case("appeal: before a verdict", 409, post(lo, c + "/appeals", "{\"filedBy\":\"CONVICT\",\"court\":\"Sindh High Court\",\"filedOn\":\"" + today + "\"}")));
        cases.add(new Case("appeal decision: no such appeal", 404, post(lo, c + "/appeals/" + UUID.randomUUID() + "/decision", "{\"outcome\":\"DISMISSED\",\"decidedOn\":\"" + today + "\"}")));
        cases.add(new Case("deadlines: no status", 400, get(lo, "/api/v1/legal/deadlines")));
        cases.add(new Case("deadlines: unknown status", 400, get(lo, "/api/v1/legal/deadlines?status=" + ECHO)));
        cases.add(new Case("police stations: district with markup", 400, get(lo, "/api/v1/legal/police-stations?district=" + ECHO)));
        cases.add(new Case("police stations: a district the data does not cover", 400, get(lo, "/api/v1/legal/police-stations?district=Atlantis")));
        cases.add(new Case("units: district too long", 400, get(lo, "/api/v1/legal/investigation-units?district=" + "K".repeat(80))));
        cases.add(new Case("units: a district the data does not cover", 400, get(lo, "/api/v1/legal/investigation-units?district=Atlantis")));
        cases.add(new Case("lawyers: district with markup", 400, get(lo, "/api/v1/legal/lawyers?district=" + ECHO)));
        cases.add(new Case("lawyers: a district the data does not cover", 400, get(lo, "/api/v1/legal/lawyers?district=Atlantis")));

        List<String> wrong = new ArrayList<>();
        for (Case bad : cases) {
            Response r = bad.response();
            String body = r.asString();
            // The problem's instance is the request path itself; everything else must not repeat the input.
            String told = body.replaceAll("\"instance\":\"[^\"]*\"", "");
            if (r.statusCode() != bad.status()) {
                wrong.add(bad.what() + ": expected " + bad.status() + ", got " + r.statusCode() + " " + body);
            } else if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                wrong.add(bad.what() + ": " + r.statusCode() + " without a problem body: " + r.contentType());
            } else if (told.contains(ECHO) || told.contains("Exception") || told.contains("\tat ")) {
                wrong.add(bad.what() + ": the problem echoes input or a stack trace: " + body);
            } else if (r.jsonPath().getString("type") == null || r.jsonPath().getString("title") == null
                    || r.jsonPath().getInt("status") != bad.status()) {
                wrong.add(bad.what() + ": incomplete problem: " + body);
            }
        }
        assertThat(wrong).as("bad input answered wrongly").isEmpty();
    }

    private static Response post(String token, String path, String json) {
        return given().auth().oauth2(token).contentType("application/json").body(json).post(path);
    }

    private static Response get(String token, String path) {
        return given().auth().oauth2(token).get(path);
    }
}
