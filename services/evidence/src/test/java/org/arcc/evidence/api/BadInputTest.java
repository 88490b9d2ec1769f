package org.arcc.evidence.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
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
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class BadInputTest {

    /** A value no answer may repeat back. */
    static final String ECHO = "Ayesha-Bibi-0300-1234567";

    record Case(String what, int status, Response response) {
    }

    @Test
    void everyKindOfBadInputIsAProblemNotA500() {
        String medical = Tokens.medicalOfficer("KHI");
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION");
        String item = EvidenceApi.register(medical, caseId, "SWABS");
        String items = EvidenceApi.ITEMS;
        String now = Instant.now().toString();
        List<Case> cases = new ArrayList<>();

        cases.add(new Case("register: no caseId", 400, post(medical, items, "{\"type\":\"SWABS\",\"sealNumber\":\"S1\",\"collectedAt\":\"" + now + "\"}")));
        cases.add(new Case("register: unknown type", 400, post(medical, items, "{\"caseId\":\"" + caseId + "\",\"type\":\"" + ECHO + "\",\"sealNumber\":\"S1\",\"collectedAt\":\"" + now + "\"}")));
        cases.add(new Case("register: malformed JSON", 400, post(medical, items, "{\"caseId\": \"" + ECHO)));
        cases.add(new Case("register: unknown field", 400, post(medical, items, "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"sealNumber\":\"S1\",\"collectedAt\":\"" + now + "\",\"survivorName\":\"" + ECHO + "\"}")));
        cases.add(new Case("register: invalid date", 400, post(medical, items, "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"sealNumber\":\"S1\",\"collectedAt\":\"" + ECHO + "\"}")));
        cases.add(new Case("register: date in the future", 400, post(medical, items, "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"sealNumber\":\"S1\",\"collectedAt\":\"2099-01-01T00:00:00Z\"}")));
        cases.add(new Case("register: caseId not a UUID", 400, post(medical, items, "{\"caseId\":\"" + ECHO + "\",\"type\":\"SWABS\",\"sealNumber\":\"S1\",\"collectedAt\":\"" + now + "\"}")));
        cases.add(new Case("register: kit number lowercase", 400, post(medical, items, "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"kitNumber\":\"khi-ev-1\",\"sealNumber\":\"S1\",\"collectedAt\":\"" + now + "\"}")));
        cases.add(new Case("register: bad file hash", 400, post(medical, items, "{\"caseId\":\"" + caseId + "\",\"type\":\"DIGITAL_EVIDENCE\",\"fileSha256s\":[\"" + ECHO + "\"],\"collectedAt\":\"" + now + "\"}")));
        cases.add(new Case("register: wrong JSON type", 400, post(medical, items, "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"sealNumber\":{\"a\":1},\"collectedAt\":\"" + now + "\"}")));
        cases.add(new Case("register: physical item without a seal", 400, post(medical, items, "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"collectedAt\":\"" + now + "\"}")));
        cases.add(new Case("register: empty body", 400, post(medical, items, "")));
        cases.add(new Case("register: case of another cell", 404, post(Tokens.medicalOfficer("MUX"), items, "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"sealNumber\":\"S1\",\"collectedAt\":\"" + now + "\"}")));
        cases.add(new Case("register: wrong content type", 415, given().auth().oauth2(medical).contentType("text/plain").body("x").post(items)));

        String custody = items + "/" + item + "/custody";
        cases.add(new Case("custody: no action", 400, post(medical, custody, "{\"location\":\"x\"}")));
        cases.add(new Case("custody: unknown action", 400, post(medical, custody, "{\"action\":\"" + ECHO + "\"}")));
        cases.add(new Case("custody: action the service records itself", 400, post(medical, custody, "{\"action\":\"RELEASED_FOR_TESTING\"}")));
        cases.add(new Case("custody: handover without addressee", 400, post(medical, custody, "{\"action\":\"TRANSFERRED\"}")));
        cases.add(new Case("custody: addressee badly written", 400, post(medical, custody, "{\"action\":\"TRANSFERRED\",\"to\":\"" + ECHO + "\"}")));
        cases.add(new Case("custody: no such custodian", 400, post(medical, custody, "{\"action\":\"TRANSFERRED\",\"to\":\"custodian:nobody-here\"}")));
        cases.add(new Case("custody: sealIntact not a boolean", 400, post(medical, custody, "{\"action\":\"RECEIVED\",\"sealIntact\":\"" + ECHO + "\"}")));
        cases.add(new Case("custody: time not a time", 400, post(medical, custody, "{\"action\":\"STORED\",\"location\":\"x\",\"at\":\"" + ECHO + "\"}")));
        cases.add(new Case("custody: time in the future", 400, post(medical, custody, "{\"action\":\"STORED\",\"location\":\"x\",\"at\":\"2099-01-01T00:00:00Z\"}")));
        cases.add(new Case("custody: location too long", 400, post(medical, custody, "{\"action\":\"STORED\",\"location\":\"" + "x".repeat(500) + "\"}")));
        cases.add(new Case("custody: item id not a UUID", 400, post(medical, items + "/" + ECHO + "/custody", "{\"action\":\"STORED\",\"location\":\"x\"}")));
        cases.add(new Case("custody: no such item", 404, post(medical, items + "/" + UUID.randomUUID() + "/custody", "{\"action\":\"STORED\",\"location\":\"x\"}")));
        cases.add(new Case("custody: another cell's item", 404, post(Tokens.medicalOfficer("LHE-2"), custody, "{\"action\":\"STORED\",\"location\":\"x\"}")));

        cases.add(new Case("bundle: knownTreeSize 0", 400, get(medical, items + "/" + item + "/bundle?knownTreeSize=0")));
        cases.add(new Case("bundle: knownTreeSize not a number", 400, get(medical, items + "/" + item + "/bundle?knownTreeSize=" + ECHO)));
        cases.add(new Case("bundle: knownTreeSize beyond the log", 400, get(medical, items + "/" + item + "/bundle?knownTreeSize=999999999")));
        cases.add(new Case("by-kit: not a kit number", 400, get(medical, items + "/by-kit/" + ECHO.toLowerCase())));
        cases.add(new Case("kits: not a kit number", 400, get(medical, "/api/v1/evidence/kits/" + ECHO.toLowerCase())));
        cases.add(new Case("list: no caseId", 400, get(medical, items)));
        cases.add(new Case("list: caseId not a UUID", 400, get(medical, items + "?caseId=" + ECHO)));
        cases.add(new Case("consistency: no sizes", 400, get(medical, "/api/v1/evidence/checkpoints/consistency")));
        cases.add(new Case("consistency: no such checkpoint", 404, get(medical, "/api/v1/evidence/checkpoints/consistency?from=999999&to=9999999")));
        cases.add(new Case("status: malformed code", 400, given().get("/api/v1/evidence/status/" + ECHO)));
        cases.add(new Case("status: unknown code", 404, given().get("/api/v1/evidence/status/AAAA-BBBB-CCCC")));
        cases.add(new Case("disposal: no reason", 400, post(Tokens.supervisor("KHI"), items + "/" + item + "/disposal", "{}")));

        String admin = Tokens.platformAdmin();
        String verification = "/api/v1/audit/evidence/verification";
        String held = "/api/v1/audit/evidence/anchors-held";
        String hash = "a".repeat(64);
        String anchor = "{\"source\":\"/arcc/evidence\",\"signedAt\":\"" + now + "\",\"keyId\":\"0123456789abcdef\","
                + "\"heads\":[{\"chain\":1,\"position\":1,\"hash\":\"" + hash + "\"}],\"signature\":\"" + "A".repeat(86) + "==\"}";
        cases.add(new Case("audit cross-check: empty body", 400, post(admin, verification, "")));
        cases.add(new Case("audit cross-check: no anchors", 400, post(admin, verification, "{\"anchors\":[]}")));
        cases.add(new Case("audit cross-check: too many anchors", 400, post(admin, verification,
                "{\"anchors\":[" + String.join(",", java.util.Collections.nCopies(51, anchor)) + "]}")));
        cases.add(new Case("audit cross-check: unknown field", 400, post(admin, verification, "{\"anchors\":[" + anchor
                + "],\"note\":\"" + ECHO + "\"}")));
        cases.add(new Case("audit cross-check: hash not hex", 400, post(admin, verification, "{\"anchors\":["
                + anchor.replace(hash, ECHO) + "]}")));
        cases.add(new Case("audit cross-check: signedAt not a time", 400, post(admin, verification, "{\"anchors\":["
                + anchor.replace(now, ECHO) + "]}")));
        cases.add(new Case("audit cross-check: chain out of range", 400, post(admin, verification, "{\"anchors\":["
                + anchor.replace("\"chain\":1", "\"chain\":33") + "]}")));
        cases.add(new Case("audit cross-check: signature not base64", 400, post(admin, verification, "{\"anchors\":["
                + anchor.replace("A".repeat(86) + "==", ECHO) + "]}")));
        cases.add(new Case("audit cross-check: an anchor of another service", 400, post(admin, verification, "{\"anchors\":["
                + anchor.replace("/arcc/evidence", "/arcc/cases") + "]}")));
        cases.add(new Case("audit cross-check: a signature the service's key did not make", 400, post(admin, verification,
                "{\"anchors\":[" + anchor + "]}")));
        cases.add(new Case("audit cross-check: wrong content type", 415, given().auth().oauth2(admin).contentType("text/plain")
                .body("x").post(verification)));
        cases.add(new Case("anchors held: no source", 400, get(admin, held)));
        cases.add(new Case("anchors held: malformed source", 400, get(admin, held + "?source=" + ECHO)));
        cases.add(new Case("anchors held: limit too large", 400, get(admin, held + "?source=/arcc/cases&limit=51")));
        cases.add(new Case("anchors held: limit not a number", 400, get(admin, held + "?source=/arcc/cases&limit=" + ECHO)));
        cases.add(new Case("anchors held: a source nobody signs for here", 404, get(admin, held + "?source=/arcc/legal")));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Response r = c.response();
            String body = r.asString();
            // The problem's instance is the request path itself; everything else must not repeat the input.
            String told = body.replaceAll("\"instance\":\"[^\"]*\"", "");
            if (r.statusCode() != c.status()) {
                wrong.add(c.what() + ": expected " + c.status() + ", got " + r.statusCode() + " " + body);
            } else if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                wrong.add(c.what() + ": " + r.statusCode() + " without a problem body: " + r.contentType());
            } else if (told.contains(ECHO) || told.contains("Exception") || told.contains("\tat ")) {
                wrong.add(c.what() + ": the problem echoes input or a stack trace: " + body);
            } else if (r.jsonPath().getString("type") == null || r.jsonPath().getString("title") == null
                    || r.jsonPath().getInt("status") != c.status()) {
                wrong.add(c.what() + ": incomplete problem: " + body);
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
