package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.arcc.cases.ACase;
import org.arcc.cases.AMedicoLegalReport;
import org.arcc.cases.MedicoLegalApi;
import org.arcc.cases.AnIdentity;
import org.arcc.cases.CasesApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Bad input of every kind, against every cases endpoint that takes input: missing or empty bodies, malformed
 * JSON, unknown fields, wrong types, wrong enum values, invalid dates and times, oversized bodies, wrong media
 * types, non-UUID ids and ids of another cell's or partner's records. Each must answer a 4xx RFC 9457 problem
 * with a type, title and status, no stack trace, no class name, and none of the values it was sent.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class BadInputTest {

    /** Values that look like identity: none may come back in an answer. */
    private static final String NAME = "Zainab Bibi Qureshi";
    private static final String CNIC = "35202-7654321-9";
    private static final String OWN = "KHI";
    private static final String OTHER = "LHE-2";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ids created once, on first use (the service must be running). */
    private static final Map<String, String> fixtures = new HashMap<>();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** One bad request: who sends it, how, and the status it must get. */
    record Bad(String name, String method, Function<Map<String, String>, String> path, String as, String contentType,
            Function<Map<String, String>, String> body, Map<String, String> headers, int expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, Object> REPORT = AMedicoLegalReport.minimal(Instant.parse("2026-03-14T08:00:00Z"),
            "00000000-0000-0000-0000-0000000000c1").body();

    /** Endpoints with a body: where they live, who may call them, and a valid body to spoil. */
    record BodyEndpoint(String name, String method, Function<Map<String, String>, String> path, String as,
            Map<String, Object> valid) {
    }

    /** Well-formed, but signed by nobody: what an audit cross-check takes, to spoil. */
    private static final Map<String, Object> ANCHOR = Map.of("source", "/arcc/cases", "signedAt", "2026-03-14T20:15:00Z",
            "keyId", "0123456789abcdef", "heads", List.of(Map.of("chain", 1, "position", 1, "hash", "a".repeat(64))),
            "signature", "A".repeat(86) + "==");

    private static final List<BodyEndpoint> BODY_ENDPOINTS = List.of(
            new BodyEndpoint("open case", "POST", f -> "/api/v1/cases", "worker", ACase.walkIn().body()),
            new BodyEndpoint("record identity", "PUT", f -> "/api/v1/cases/" + f.get("case") + "/identity", "worker",
                    AnIdentity.adult().body()),
            new BodyEndpoint("identity lookup", "POST", f -> "/api/v1/cases/identity-lookups", "worker",
                    Map.of("cnic", "12345-1234567-1")),
            new BodyEndpoint("give consent", "POST", f -> "/api/v1/cases/" + f.get("case") + "/consents", "worker",
                    Map.of("purpose", "MEDICAL_EXAM", "givenBy", "SURVIVOR")),
            new BodyEndpoint("deliver service", "POST", f -> "/api/v1/cases/" + f.get("case") + "/services", "worker",
                    Map.of("service", "SHELTER_REFERRAL", "deliveredAt", Instant.now().toString())),
            new BodyEndpoint("move status", "POST", f -> "/api/v1/cases/" + f.get("case") + "/status", "worker",
                    Map.of("status", "ASSESSMENT")),
            new BodyEndpoint("propose transfer", "POST", f -> "/api/v1/cases/" + f.get("case") + "/transfers", "worker",
                    Map.of("toCell", "MUX")),
            new BodyEndpoint("decline transfer", "POST", f -> "/api/v1/cases/transfers/" + f.get("transferToUs") + "/decline",
                    "worker", Map.of("reason", "Outside our area")),
            new BodyEndpoint("refer", "POST", f -> "/api/v1/referrals", "partner",
                    Map.of("cell", OWN, "ageBand", "ADULT_25_59", "incidentCategory", "RAPE", "consentAttested", true)),
            new BodyEndpoint("decline referral", "POST", f -> "/api/v1/referrals/" + f.get("referralToUs") + "/decline",
                    "worker", Map.of("reason", "Outside our area")),
            new BodyEndpoint("add cell", "POST", f -> "/api/v1/cells", "admin",
                    Map.of("code", "BAD-IN", "name", "ARCC Bad Input", "city", "Nowhere")),
            new BodyEndpoint("register webhook", "PUT", f -> "/api/v1/partners/ngo-bad-input/webhook", "admin",
                    Map.of("url", "http://127.0.0.1:9/hook", "secret", "s".repeat(40))),
            new BodyEndpoint("onward referral", "POST", f -> "/api/v1/cases/" + f.get("case") + "/onward-referrals", "worker",
                    Map.of("partner", "ngo-demo", "serviceKind", "SHELTER", "urgency", "ROUTINE", "sexGender", "FEMALE")),
            new BodyEndpoint("acknowledge onward referral", "POST",
                    f -> "/api/v1/onward-referrals/" + f.get("onwardToUs") + "/acknowledgement", "partner",
                    Map.of("decision", "ACCEPTED")),
            new BodyEndpoint("audit cross-check", "POST", f -> "/api/v1/audit/cases/verification", "admin",
                    Map.of("anchors", List.of(ANCHOR))),
            new BodyEndpoint("override a report check", "POST",
                    f -> "/api/v1/cases/" + f.get("case") + "/medico-legal-report/overrides", "supervisor",
                    Map.of("check", "SIX_HOUR_LIMIT", "reason", "Recorded on the paper register")),
            new BodyEndpoint("amend a report", "POST",
                    f -> "/api/v1/cases/" + f.get("signedReport") + "/medico-legal-report/amendments", "supervisor",
                    Map.of("reason", "Correcting the place of examination", "content", REPORT)));

    /** A well-formed report body (what the draft endpoint takes), to spoil field by field. */
    private static final Map<String, Object> REPORT_FIELDS = REPORT;

    static Stream<Bad> badRequests() {
        List<Bad> all = new ArrayList<>();
        for (BodyEndpoint e : BODY_ENDPOINTS) {
            String first = e.valid().keySet().iterator().next();
            all.add(bad(e, "no body", f -> "", 400));
            all.add(bad(e, "JSON null", f -> "null", 400));
            all.add(bad(e, "malformed JSON", f -> "{\"" + first + "\": \"" + NAME + "\", ", 400));
            all.add(bad(e, "an array, not an object", f -> "[\"" + NAME + "\"]", 400));
            all.add(bad(e, "an unknown field", f -> json(with(e.valid(), "nickname", NAME)), 400));
            all.add(bad(e, "missing " + first, f -> json(without(e.valid(), first)), 400));
            all.add(bad(e, "an object where " + first + " goes", f -> json(with(e.valid(), first, Map.of("v", NAME))), 400));
            all.add(bad(e, "a number where " + first + " goes", f -> json(with(e.valid(), first, 35202)), 400));
            all.add(bad(e, "an oversized body", f -> json(with(e.valid(), "padding", "x".repeat(300_000))), 413));
            all.add(new Bad(e.name() + ": text/plain", e.method(), e.path(), e.as(), "text/plain",
                    f -> json(e.valid()), Map.of(), 415));
        }
        // Wrong enum values, invalid dates and times, wrong types inside otherwise valid bodies.
        all.add(field("open case", "channel", CNIC, 400));
        all.add(field("open case", "ageBand", NAME, 400));
        all.add(field("open case", "arrivedAt", "2026-13-45T99:00:00Z", 400));
        all.add(field("open case", "arrivedAt", "yesterday at " + NAME, 400));
        all.add(field("open case", "arrivedAt", Instant.now().plusSeconds(86_400).toString(), 400));
        all.add(field("open case", "arrivedAt", 1_700_000_000_000L, 400));
        all.add(field("open case", "sexGender", "UNKNOWN_GENDER", 400));
        all.add(field("open case", "sexGender", NAME, 400));
        all.add(field("open case", "incidentDate", "2026-02-30", 400));
        all.add(field("open case", "incidentDate", "last Tuesday", 400));
        all.add(field("open case", "incidentDate", "2026-03-14T10:00:00Z", 400));
        all.add(field("open case", "incidentDate", java.time.LocalDate.now().plusDays(3).toString(), 400));
        all.add(field("open case", "incidentDate", "1066-10-14", 400));
        all.add(field("open case", "incidentDate", 20260314, 400));
        all.add(field("open case", "incidentType", "THEFT", 400));
        all.add(field("open case", "incidentType", 0, 400));
        all.add(field("open case", "channel", 1, 400));
        all.add(field("open case", "incidentType", List.of("RAPE"), 400));
        all.add(field("open case", "legalSections", "PPC_376", 400));
        all.add(field("open case", "legalSections", List.of("PPC_376", "PPC_302"), 400));
        all.add(field("open case", "legalSections", List.of("376"), 400));
        all.add(field("open case", "legalSections", java.util.Collections.nCopies(21, "PPC_376"), 400));
        all.add(field("open case", "disabilities", List.of("HEARING", CNIC), 400));
        all.add(field("open case", "vulnerabilities", List.of("PREGNANT", "FAMOUS"), 400));
        all.add(field("open case", "vulnerabilities", List.of("UNACCOMPANIED_CHILD"), 400));
        all.add(field("onward referral", "sexGender", "UNKNOWN_GENDER", 400));
        all.add(field("give consent", "purpose", "EVERYTHING", 400));
        all.add(field("give consent", "childAssent", NAME, 400));
        all.add(field("give consent", "recipient", NAME, 400));
        all.add(field("deliver service", "service", "MIRACLE", 400));
        all.add(field("deliver service", "deliveredAt", "2026-02-30T10:00:00Z", 400));
        all.add(field("deliver service", "deliveredAt", "2020-01-01T00:00:00Z", 400));
        all.add(field("deliver service", "notes", "n".repeat(4001), 400));
        all.add(field("move status", "status", "DONE", 400));
        all.add(field("move status", "reason", "r".repeat(501), 400));
        all.add(field("propose transfer", "toCell", NAME, 400));
        all.add(field("propose transfer", "toCell", "XYZ", 400));
        all.add(field("refer", "consentAttested", "yes", 400));
        all.add(field("refer", "consentAttested", 1, 400));
        all.add(field("refer", "cell", "NOWHERE", 400));
        all.add(field("refer", "incidentCategory", "THEFT", 400));
        all.add(field("add cell", "code", "khi-3", 400));
        all.add(field("add cell", "code", "A", 400));
        all.add(field("add cell", "code", "ABCDEFGHIJKLM", 400));
        all.add(field("add cell", "code", NAME, 400));
        all.add(field("add cell", "name", "", 400));
        all.add(field("add cell", "name", "x".repeat(201), 400));
        all.add(field("add cell", "city", "   ", 400));
        all.add(field("add cell", "city", 42, 400));
        all.add(new Bad("add cell: a code that exists", "POST", f -> "/api/v1/cells", "admin", "application/json",
                f -> json(Map.of("code", "KHI", "name", "ARCC Karachi again", "city", "Karachi")), Map.of(), 409));
        all.add(field("register webhook", "url", "ftp://" + NAME, 400));
        all.add(field("register webhook", "secret", "short", 400));
        all.add(field("onward referral", "serviceKind", "TAXI", 400));
        all.add(field("onward referral", "disabilities", "HEARING", 400));
        all.add(field("onward referral", "disabilities", List.of("HEARING", "FLYING"), 400));
        all.add(field("onward referral", "note", "n".repeat(501), 400));
        all.add(field("acknowledge onward referral", "decision", "MAYBE", 400));
        all.add(field("acknowledge onward referral", "declineReason", "BUSY", 400));
        all.add(field("identity lookup", "cnic", NAME, 400));
        all.add(field("audit cross-check", "anchors", List.of(), 400));
        all.add(field("audit cross-check", "anchors", java.util.Collections.nCopies(51, ANCHOR), 400));
        all.add(field("audit cross-check", "anchors", List.of(with(ANCHOR, "heads", List.of(Map.of("chain", 1, "position", 1,
                "hash", NAME)))), 400));
        all.add(field("audit cross-check", "anchors", List.of(with(ANCHOR, "heads", List.of(Map.of("chain", 33, "position", 1,
                "hash", "a".repeat(64))))), 400));
        all.add(field("audit cross-check", "anchors", List.of(with(ANCHOR, "signedAt", "yesterday at " + NAME)), 400));
        all.add(field("audit cross-check", "anchors", List.of(with(ANCHOR, "signature", CNIC)), 400));
        all.add(field("audit cross-check", "anchors", List.of(with(ANCHOR, "source", "/arcc/evidence")), 400));
        all.add(field("audit cross-check", "anchors", List.of(with(ANCHOR, "nickname", NAME)), 400));
        all.add(new Bad("audit cross-check: a signature the service's key did not make", "POST",
                f -> "/api/v1/audit/cases/verification", "admin", "application/json",
                f -> json(Map.of("anchors", List.of(ANCHOR))), Map.of(), 400));
        for (String query : List.of("", "?source=" + CNIC, "?source=/arcc/evidence&limit=0", "?source=/arcc/evidence&limit=51",
                "?source=/arcc/evidence&limit=many")) {
            all.add(new Bad("anchors held" + query, "GET", f -> "/api/v1/audit/cases/anchors-held" + query, "admin", null, null,
                    Map.of(), 400));
        }
        all.add(new Bad("anchors held of a source nobody signs for here", "GET",
                f -> "/api/v1/audit/cases/anchors-held?source=/arcc/legal", "admin", null, null, Map.of(), 404));

        // The medico-legal report: every field is optional in a draft, so its rows are spelled out.
        String draft = "/medico-legal-report";
        for (Map.Entry<String, Object> spoiled : List.<Map.Entry<String, Object>>of(
                Map.entry("nickname", NAME), Map.entry("virginityTest", "NOT_DONE"), Map.entry("survivorInitials", NAME),
                Map.entry("history", "h".repeat(8001)), Map.entry("opinion", "NO_ASSAULT"), Map.entry("hoursSinceIncident", -1),
                Map.entry("injuries", java.util.Arrays.asList((Object) null)),
                Map.entry("injuries", List.of(Map.of("region", "ELBOW_OF_FATE", "kind", "BRUISE", "photographed", false))),
                Map.entry("samples", List.of(Map.of("evidenceItemId", "kit-1"))),
                Map.entry("examination", Map.of("startedAt", "yesterday at " + NAME)),
                Map.entry("awaited", List.of("A_CONFESSION")), Map.entry("absenceOfInjuryStatement", "yes"))) {
            all.add(new Bad("draft report: " + spoiled.getKey() + " = " + abbreviated(spoiled.getValue()), "PUT",
                    f -> "/api/v1/cases/" + f.get("case") + draft, "medical", "application/json",
                    f -> json(with(REPORT_FIELDS, spoiled.getKey(), spoiled.getValue())), Map.of(), 400));
        }
        all.add(new Bad("draft report: no body", "PUT", f -> "/api/v1/cases/" + f.get("case") + draft, "medical",
                "application/json", f -> "", Map.of(), 400));
        all.add(new Bad("draft report: malformed JSON", "PUT", f -> "/api/v1/cases/" + f.get("case") + draft, "medical",
                "application/json", f -> "{\"history\": \"" + NAME + "\", ", Map.of(), 400));
        all.add(new Bad("draft report: text/plain", "PUT", f -> "/api/v1/cases/" + f.get("case") + draft, "medical",
                "text/plain", f -> json(REPORT_FIELDS), Map.of(), 415));
        all.add(new Bad("draft report: another cell's case", "PUT", f -> "/api/v1/cases/" + f.get("otherCase") + draft,
                "medical", "application/json", f -> json(REPORT_FIELDS), Map.of(), 404));
        all.add(new Bad("read report: none yet", "GET", f -> "/api/v1/cases/" + f.get("otherOwnCase") + draft, "medical",
                null, null, Map.of(), 404));
        all.add(new Bad("sign report: none yet", "POST", f -> "/api/v1/cases/" + f.get("otherOwnCase") + draft + "/signature",
                "medical", null, null, Map.of(), 409));
        all.add(new Bad("override report check: an unknown check", "POST", f -> "/api/v1/cases/" + f.get("case") + draft
                + "/overrides", "supervisor", "application/json", f -> json(Map.of("check", "BE_NICE", "reason",
                        "A reason long enough")), Map.of(), 400));
        all.add(new Bad("override report check: a short reason", "POST", f -> "/api/v1/cases/" + f.get("case") + draft
                + "/overrides", "supervisor", "application/json", f -> json(Map.of("check", "SIX_HOUR_LIMIT", "reason",
                        "ok")), Map.of(), 400));
        for (String query : List.of("", "?sha256=" + CNIC, "?sha256=" + "g".repeat(64), "?sha256=" + "a".repeat(63))) {
            all.add(new Bad("verify report" + query, "GET", f -> "/api/v1/cases/" + f.get("signedReport") + draft
                    + "/verification" + query, "medical", null, null, Map.of(), 400));
        }
        for (String query : List.of("?version=0", "?version=many", "?version=-1")) {
            all.add(new Bad("report pdf" + query, "GET", f -> "/api/v1/cases/" + f.get("signedReport") + draft + "/pdf" + query,
                    "medical", null, null, Map.of(), 400));
        }
        all.add(new Bad("report pdf of a version that does not exist", "GET", f -> "/api/v1/cases/" + f.get("signedReport")
                + draft + "/pdf?version=9", "medical", null, null, Map.of(), 404));
        all.add(new Bad("report of a non-UUID case", "GET", f -> "/api/v1/cases/abc" + draft, "medical", null, null,
                Map.of(), 400));

        // Ids: not UUIDs (400), another cell's or partner's records (404, like records that do not exist).
        String[] notUuid = { "/api/v1/cases/not-a-uuid", "/api/v1/cases/" + "1".repeat(40) + "/consents",
                "/api/v1/cases/12345/services", "/api/v1/cases/abc/onward-referrals" };
        for (String path : notUuid) {
            all.add(new Bad("GET " + path, "GET", f -> path, "worker", null, null, Map.of(), 400));
        }
        all.add(new Bad("withdraw consent with a non-UUID id", "POST",
                f -> "/api/v1/cases/" + f.get("case") + "/consents/" + CNIC + "/withdrawal", "worker", null, null, Map.of(), 400));
        all.add(new Bad("accept transfer with a non-UUID id", "POST", f -> "/api/v1/cases/transfers/xyz/acceptance",
                "worker", null, null, Map.of(), 400));
        all.add(new Bad("accept referral with a non-UUID id", "POST", f -> "/api/v1/referrals/42/acceptance",
                "worker", null, null, Map.of(), 400));
        all.add(new Bad("read onward referral with a non-UUID id", "GET", f -> "/api/v1/onward-referrals/zz",
                "partner", null, null, Map.of(), 400));
        all.add(new Bad("another cell's case", "GET", f -> "/api/v1/cases/" + f.get("otherCase"), "worker", null, null,
                Map.of(), 404));
        all.add(new Bad("another cell's case's services", "POST", f -> "/api/v1/cases/" + f.get("otherCase") + "/services",
                "worker", "application/json", f -> json(Map.of("service", "SHELTER_REFERRAL", "deliveredAt",
                        Instant.now().toString())), Map.of(), 404));
        all.add(new Bad("another cell's consent on our case", "POST",
                f -> "/api/v1/cases/" + f.get("case") + "/consents/" + f.get("otherConsent") + "/withdrawal", "worker", null,
                null, Map.of(), 404));
        all.add(new Bad("another cell's consent on its case", "POST",
                f -> "/api/v1/cases/" + f.get("otherCase") + "/consents/" + f.get("otherConsent") + "/withdrawal", "worker",
                null, null, Map.of(), 404));
        all.add(new Bad("another cell's transfer", "POST",
                f -> "/api/v1/cases/transfers/" + f.get("transferToOther") + "/acceptance", "worker", null, null, Map.of(), 404));
        all.add(new Bad("another cell's referral", "POST",
                f -> "/api/v1/referrals/" + f.get("referralToOther") + "/acceptance", "worker", null, null, Map.of(), 404));
        all.add(new Bad("another cell's referral, read", "GET",
                f -> "/api/v1/referrals/" + f.get("referralToOther"), "worker", null, null, Map.of(), 404));
        all.add(new Bad("another cell's case's onward referrals", "GET",
                f -> "/api/v1/cases/" + f.get("otherCase") + "/onward-referrals", "worker", null, null, Map.of(), 404));
        all.add(new Bad("another partner's onward referral", "POST",
                f -> "/api/v1/onward-referrals/" + f.get("onwardToOther") + "/acknowledgement", "partner", "application/json",
                f -> json(Map.of("decision", "ACCEPTED")), Map.of(), 404));
        all.add(new Bad("a case that does not exist", "GET", f -> "/api/v1/cases/" + java.util.UUID.randomUUID(), "worker",
                null, null, Map.of(), 404));

        // Query parameters and headers.
        for (String query : List.of("page=-1", "size=0", "size=1000", "status=DONE", "channel=" + CNIC, "incidentType=THEFT",
                "openedFrom=last-week", "openedTo=2026-02-30T00:00:00Z", "examDeadlineBreached=maybe", "page=two")) {
            all.add(new Bad("list with " + query, "GET", f -> "/api/v1/cases?" + query, "worker", null, null, Map.of(), 400));
        }
        all.add(new Bad("If-Match that is no ETag", "POST", f -> "/api/v1/cases/" + f.get("case") + "/status", "worker",
                "application/json", f -> json(Map.of("status", "ASSESSMENT")), Map.of("If-Match", NAME), 400));
        all.add(new Bad("a bad Idempotency-Key", "POST", f -> "/api/v1/cases", "worker", "application/json",
                f -> json(ACase.walkIn().body()), Map.of("Idempotency-Key", "a b"), 400));
        all.add(new Bad("no X-Access-Purpose", "GET", f -> "/api/v1/cases/" + f.get("case") + "/identity", "worker", null,
                null, Map.of(), 400));
        all.add(new Bad("an unknown X-Access-Purpose", "GET", f -> "/api/v1/cases/" + f.get("case") + "/identity", "worker",
                null, null, Map.of("X-Access-Purpose", "CURIOSITY"), 400));
        all.add(new Bad("a too-short X-Access-Reason", "GET", f -> "/api/v1/cases/" + f.get("case"), "admin", null, null,
                Map.of("X-Access-Reason", "why"), 400));
        all.add(new Bad("an unknown path", "GET", f -> "/api/v1/cases/" + f.get("case") + "/nothing-here", "worker", null,
                null, Map.of(), 404));
        all.add(new Bad("a method the path does not take", "DELETE", f -> "/api/v1/cases/" + f.get("case"), "worker", null,
                null, Map.of(), 405));
        all.add(new Bad("asks for XML", "GET", f -> "/api/v1/cases/" + f.get("case"), "worker", null, null,
                Map.of("Accept", "application/xml"), 406));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAProblemNeverA500(Bad bad) throws Exception {
        Map<String, String> ids = fixtures();
        Response response = send(bad, ids);
        String body = response.asString();
        assertThat(response.statusCode()).as("%s: status (body %s)", bad, body).isEqualTo(bad.expected());
        assertProblem(bad.toString(), response.statusCode(), response.contentType(), body);
    }

    /** Bodies without a Content-Length (chunked) over the limit are refused the same way. */
    @Test
    void anOversizedChunkedBodyIsAProblemToo() throws Exception {
        byte[] big = json(with(ACase.walkIn().body(), "padding", "x".repeat(300_000))).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/cases"))
                .header("Authorization", "Bearer " + Tokens.caseWorker(OWN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem("chunked oversized body", 413, response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static void assertProblem(String what, int status, String contentType, String body) throws Exception {
        assertThat(contentType).as("%s: content type", what).startsWith("application/problem+json");
        var problem = JSON.readTree(body);
        assertThat(problem.path("type").asText()).as("%s: type", what).startsWith("urn:arcc:problem:");
        assertThat(problem.path("title").asText()).as("%s: title", what).isNotBlank();
        assertThat(problem.path("status").asInt()).as("%s: status field", what).isEqualTo(status);
        assertThat(body).as("%s: no stack trace, class name or echoed value", what)
                .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("java.")
                .doesNotContain("Zainab").doesNotContain(CNIC).doesNotContain("xxxxxxxx").doesNotContain("nnnnnnnn")
                .doesNotContain("rrrrrrrr");
    }

    private Response send(Bad bad, Map<String, String> ids) {
        RequestSpecification spec = given().auth().oauth2(token(bad.as()));
        for (var h : bad.headers().entrySet()) {
            spec = spec.header(h.getKey(), h.getValue());
        }
        if (bad.contentType() != null) {
            spec = spec.contentType(bad.contentType());
        }
        if (bad.body() != null) {
            spec = spec.body(bad.body().apply(ids));
        }
        return spec.request(bad.method(), bad.path().apply(ids));
    }

    private static Bad bad(BodyEndpoint e, String what, Function<Map<String, String>, String> body, int expected) {
        return new Bad(e.name() + ": " + what, e.method(), e.path(), e.as(), "application/json", body, Map.of(), expected);
    }

    private static Bad field(String endpoint, String field, Object value, int expected) {
        BodyEndpoint e = BODY_ENDPOINTS.stream().filter(b -> b.name().equals(endpoint)).findFirst().orElseThrow();
        return new Bad(endpoint + ": " + field + " = " + abbreviated(value), e.method(), e.path(), e.as(), "application/json",
                f -> json(with(e.valid(), field, value)), Map.of(), expected);
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() > 30 ? text.substring(0, 12) + "…(" + text.length() + ")" : text;
    }

    private static String token(String as) {
        return switch (as) {
            case "partner" -> Tokens.partner("ngo-demo");
            case "admin" -> Tokens.platformAdmin();
            case "medical" -> Tokens.medicalOfficer(OWN);
            case "supervisor" -> Tokens.supervisor(OWN);
            default -> Tokens.caseWorker(OWN);
        };
    }

    private static synchronized Map<String, String> fixtures() {
        if (fixtures.isEmpty()) {
            String worker = Tokens.caseWorker(OWN);
            fixtures.put("case", CasesApi.openCase(worker));
            String otherWorker = Tokens.caseWorker(OTHER);
            String otherCase = CasesApi.openCase(otherWorker);
            fixtures.put("otherCase", otherCase);
            fixtures.put("otherConsent", CasesApi.giveConsent(otherWorker, otherCase, "MEDICAL_EXAM"));
            fixtures.put("transferToUs", CasesApi.transferWaitingFor(OTHER, OWN));
            fixtures.put("transferToOther", CasesApi.transferWaitingFor("MUX", OTHER));
            fixtures.put("referralToUs", CasesApi.referralTo("ngo-demo", OWN));
            fixtures.put("referralToOther", CasesApi.referralTo("ngo-demo", OTHER));
            fixtures.put("onwardToUs", CasesApi.onwardReferralTo("ngo-demo", OWN));
            fixtures.put("onwardToOther", CasesApi.onwardReferralTo("ngo-elsewhere", OWN));
            fixtures.put("otherOwnCase", CasesApi.openCase(worker));
            fixtures.put("signedReport", MedicoLegalApi.caseWithSignedReport(OWN, "mo-bad-input"));
        }
        return fixtures;
    }

    private static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> valid, String field) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        body.remove(field);
        return body;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
