package org.arcc.cases.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.arcc.cases.ACase;
import org.arcc.cases.MedicoLegalApi;
import org.arcc.cases.AnIdentity;
import org.arcc.cases.CasesApi;
import org.arcc.common.security.Caller;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.ResourceEndpoints;
import org.arcc.testing.Tokens;
import org.arcc.vocabulary.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of the service against every kind of caller: each platform role in the record's own cell
 * and in another cell, and every way a token can be missing or wrong. The table below is the service's
 * authorization policy; an endpoint that is not in it fails the build.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class AuthorizationMatrixTest {

    private static final String OWN_CELL = "KHI";
    private static final String OTHER_CELL = "LHE-1";
    private static final Set<String> STAFF = Set.of(Role.CASE_WORKER, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER,
            Role.CELL_SUPERVISOR);

    private static final Set<String> MEDICO_LEGAL_READERS = Set.of(Role.MEDICAL_OFFICER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER);

    /** Whether an endpoint is about one case (another cell's staff must get 404) or acts in the caller's cell. */
    enum Reach {
        ONE_CASE, OWN_CELL,
        /** Platform administration: not about any cell. */
        PLATFORM
    }

    /** Sends one request for an endpoint as the given role, about the given case. */
    @FunctionalInterface
    interface Call {
        Response send(RequestSpecification spec, String caseId, String role);
    }

    /** One row of the policy: who may call an endpoint, and what success looks like. */
    record Endpoint(String method, String path, Set<String> roles, Reach reach, int success, Call call) {
        Endpoint(String method, String path, Set<String> roles, Reach reach, int success,
                BiFunction<RequestSpecification, String, Response> call) {
            this(method, path, roles, reach, success, (spec, caseId, role) -> call.apply(spec, caseId));
        }

        String key() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> POLICY = List.of(
            new Endpoint("POST", "/api/v1/cases", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.OWN_CELL, 201,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(ACase.walkIn().body()).post("/api/v1/cases")),
            new Endpoint("GET", "/api/v1/cases", STAFF, Reach.OWN_CELL, 200,
                    (spec, caseId) -> spec.get("/api/v1/cases?status=INTAKE&size=5")),
            new Endpoint("GET", "/api/v1/cases/{id}",
                    Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER, Role.PLATFORM_ADMIN),
                    Reach.ONE_CASE, 200, (spec, caseId) -> spec.get("/api/v1/cases/" + caseId)),
            new Endpoint("PUT", "/api/v1/cases/{id}/identity", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.ONE_CASE, 204,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(AnIdentity.adult().body())
                            .put("/api/v1/cases/" + caseId + "/identity")),
            new Endpoint("GET", "/api/v1/cases/{id}/identity",
                    Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER, Role.LEGAL_OFFICER, Role.PLATFORM_ADMIN),
                    Reach.ONE_CASE, 200, (spec, caseId) -> spec.header("X-Access-Purpose", "CARE")
                            .get("/api/v1/cases/" + caseId + "/identity")),
            new Endpoint("DELETE", "/api/v1/cases/{id}/identity", Set.of(Role.CELL_SUPERVISOR), Reach.ONE_CASE, 204,
                    (spec, caseId) -> spec.delete("/api/v1/cases/" + caseId + "/identity")),
            new Endpoint("POST", "/api/v1/cases/identity-lookups", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR),
                    Reach.OWN_CELL, 200, (spec, caseId) -> spec.header("X-Access-Purpose", "CARE")
                            .contentType(ContentType.JSON).body(Map.of("cnic", "12345-1234567-1"))
                            .post("/api/v1/cases/identity-lookups")),
            new Endpoint("GET", "/api/v1/cases/{id}/access-history", Set.of(Role.CELL_SUPERVISOR), Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.get("/api/v1/cases/" + caseId + "/access-history")),
            new Endpoint("POST", "/api/v1/cases/{id}/consents", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER),
                    Reach.ONE_CASE, 201, (spec, caseId) -> spec.contentType(ContentType.JSON)
                            .body(Map.of("purpose", "MEDICAL_EXAM", "givenBy", "SURVIVOR"))
                            .post("/api/v1/cases/" + caseId + "/consents")),
            new Endpoint("GET", "/api/v1/cases/{id}/consents", STAFF, Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.get("/api/v1/cases/" + caseId + "/consents")),
            new Endpoint("POST", "/api/v1/cases/{id}/consents/{consentId}/withdrawal", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR),
                    Reach.ONE_CASE, 200, (spec, caseId) -> spec.post("/api/v1/cases/" + caseId + "/consents/"
                            + CasesApi.giveConsent(Tokens.caseWorker(OWN_CELL), caseId, "POLICE_REPORT") + "/withdrawal")),
            new Endpoint("POST", "/api/v1/cases/{id}/services", STAFF, Reach.ONE_CASE, 201,
                    (spec, caseId, role) -> spec.contentType(ContentType.JSON)
                            .body(Map.of("service", serviceRecordableBy(role), "deliveredAt", java.time.Instant.now().toString()))
                            .post("/api/v1/cases/" + caseId + "/services")),
            new Endpoint("GET", "/api/v1/cases/{id}/services", STAFF, Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.get("/api/v1/cases/" + caseId + "/services")),
            new Endpoint("POST", "/api/v1/cases/{id}/status", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(Map.of("status", "ASSESSMENT"))
                            .post("/api/v1/cases/" + caseId + "/status")),
            new Endpoint("POST", "/api/v1/cases/{id}/transfers", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.ONE_CASE, 201,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(Map.of("toCell", "MUX"))
                            .post("/api/v1/cases/" + caseId + "/transfers")),
            new Endpoint("GET", "/api/v1/cases/transfers", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.OWN_CELL, 200,
                    (spec, caseId) -> spec.get("/api/v1/cases/transfers")),
            // A transfer is the receiving cell's to decide: the fixture is one sent from the other cell to ours.
            new Endpoint("POST", "/api/v1/cases/transfers/{transferId}/acceptance", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR),
                    Reach.ONE_CASE, 200, (spec, caseId) -> spec.post("/api/v1/cases/transfers/"
                            + CasesApi.transferWaitingFor(OTHER_CELL, OWN_CELL) + "/acceptance")),
            new Endpoint("POST", "/api/v1/cases/transfers/{transferId}/decline", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR),
                    Reach.ONE_CASE, 200, (spec, caseId) -> spec.contentType(ContentType.JSON)
                            .body(Map.of("reason", "The survivor chose to stay near her family"))
                            .post("/api/v1/cases/transfers/" + CasesApi.transferWaitingFor(OTHER_CELL, OWN_CELL) + "/decline")),
            new Endpoint("POST", "/api/v1/referrals", Set.of(Role.PARTNER_NGO), Reach.OWN_CELL, 201,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(Map.of("cell", OWN_CELL, "ageBand", "ADULT_25_59",
                            "incidentCategory", "SEXUAL_ASSAULT", "consentAttested", true)).post("/api/v1/referrals")),
            new Endpoint("GET", "/api/v1/referrals", Set.of(Role.PARTNER_NGO, Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.OWN_CELL, 200,
                    (spec, caseId) -> spec.get("/api/v1/referrals")),
            // Referral fixtures: one from the demo partner to our cell.
            new Endpoint("GET", "/api/v1/referrals/{id}", Set.of(Role.PARTNER_NGO, Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.get("/api/v1/referrals/" + CasesApi.referralTo("ngo-demo", OWN_CELL))),
            new Endpoint("POST", "/api/v1/referrals/{id}/acceptance", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.post("/api/v1/referrals/" + CasesApi.referralTo("ngo-demo", OWN_CELL) + "/acceptance")),
            new Endpoint("POST", "/api/v1/referrals/{id}/decline", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(Map.of("reason", "Outside our catchment area"))
                            .post("/api/v1/referrals/" + CasesApi.referralTo("ngo-demo", OWN_CELL) + "/decline")),
            new Endpoint("POST", "/api/v1/cases/{id}/onward-referrals", Set.of(Role.CASE_WORKER, Role.CELL_SUPERVISOR), Reach.ONE_CASE, 201,
                    (spec, caseId) -> {
                        CasesApi.giveSharingConsent(Tokens.caseWorker(OWN_CELL), caseId, "ngo-demo");
                        return spec.contentType(ContentType.JSON).body(Map.of("partner", "ngo-demo", "serviceKind",
                                "COUNSELLING", "urgency", "ROUTINE", "sexGender", "FEMALE"))
                                .post("/api/v1/cases/" + caseId + "/onward-referrals");
                    }),
            new Endpoint("GET", "/api/v1/cases/{id}/onward-referrals", STAFF, Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.get("/api/v1/cases/" + caseId + "/onward-referrals")),
            // Onward referral fixtures: one from our cell to the demo partner; another partner must get 404.
            new Endpoint("GET", "/api/v1/onward-referrals", Set.of(Role.PARTNER_NGO), Reach.OWN_CELL, 200,
                    (spec, caseId) -> spec.get("/api/v1/onward-referrals")),
            new Endpoint("GET", "/api/v1/onward-referrals/{id}", Set.of(Role.PARTNER_NGO), Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.get("/api/v1/onward-referrals/" + CasesApi.onwardReferralTo("ngo-demo", OWN_CELL))),
            new Endpoint("POST", "/api/v1/onward-referrals/{id}/acknowledgement", Set.of(Role.PARTNER_NGO), Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                            .post("/api/v1/onward-referrals/" + CasesApi.onwardReferralTo("ngo-demo", OWN_CELL)
                                    + "/acknowledgement")),
            // The medico-legal report (docs/medico-legal.md): each fixture is a report of the case's own cell; the
            // report is drafted or signed in the record's cell whatever the caller's cell.
            new Endpoint("PUT", "/api/v1/cases/{id}/medico-legal-report", Set.of(Role.MEDICAL_OFFICER), Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(MedicoLegalApi.minimalReportFor(OWN_CELL, caseId))
                            .put("/api/v1/cases/" + caseId + "/medico-legal-report")),
            new Endpoint("GET", "/api/v1/cases/{id}/medico-legal-report", MEDICO_LEGAL_READERS, Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.get("/api/v1/cases/" + MedicoLegalApi.caseWithSignedReport(OWN_CELL, "mo-matrix")
                            + "/medico-legal-report")),
            new Endpoint("GET", "/api/v1/cases/{id}/medico-legal-report/checks", Set.of(Role.MEDICAL_OFFICER, Role.CELL_SUPERVISOR),
                    Reach.ONE_CASE, 200, (spec, caseId) -> spec.get("/api/v1/cases/"
                            + MedicoLegalApi.caseWithDraft(OWN_CELL, "mo-matrix") + "/medico-legal-report/checks")),
            new Endpoint("POST", "/api/v1/cases/{id}/medico-legal-report/overrides", Set.of(Role.CELL_SUPERVISOR),
                    Reach.ONE_CASE, 200, (spec, caseId) -> spec.contentType(ContentType.JSON)
                            .body(Map.of("check", "REQUIRED_FIELDS", "reason", "Initials recorded on the paper form"))
                            .post("/api/v1/cases/" + MedicoLegalApi.caseWithIncompleteDraft(OWN_CELL)
                                    + "/medico-legal-report/overrides")),
            new Endpoint("POST", "/api/v1/cases/{id}/medico-legal-report/signature", Set.of(Role.MEDICAL_OFFICER),
                    Reach.ONE_CASE, 200, (spec, caseId) -> spec.post("/api/v1/cases/"
                            + MedicoLegalApi.caseWithDraft(OWN_CELL, "mo-matrix") + "/medico-legal-report/signature")),
            // An amendment is the signing officer's (or the supervisor's): the fixture is signed by the caller's subject.
            new Endpoint("POST", "/api/v1/cases/{id}/medico-legal-report/amendments", Set.of(Role.MEDICAL_OFFICER,
                    Role.CELL_SUPERVISOR), Reach.ONE_CASE, 201, (spec, caseId) -> {
                        String signed = MedicoLegalApi.caseWithSignedReport(OWN_CELL, subjectOf(spec));
                        return spec.contentType(ContentType.JSON).body(Map.of("reason", "Correcting the place of examination",
                                "content", MedicoLegalApi.minimalReportFor(OWN_CELL, signed)))
                                .post("/api/v1/cases/" + signed + "/medico-legal-report/amendments");
                    }),
            new Endpoint("GET", "/api/v1/cases/{id}/medico-legal-report/versions", MEDICO_LEGAL_READERS, Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.get("/api/v1/cases/" + MedicoLegalApi.caseWithSignedReport(OWN_CELL, "mo-matrix")
                            + "/medico-legal-report/versions")),
            new Endpoint("GET", "/api/v1/cases/{id}/medico-legal-report/pdf", MEDICO_LEGAL_READERS, Reach.ONE_CASE, 200,
                    (spec, caseId) -> spec.get("/api/v1/cases/" + MedicoLegalApi.caseWithSignedReport(OWN_CELL, "mo-matrix")
                            + "/medico-legal-report/pdf")),
            new Endpoint("GET", "/api/v1/cases/{id}/medico-legal-report/verification", MEDICO_LEGAL_READERS, Reach.ONE_CASE,
                    200, (spec, caseId) -> spec.get("/api/v1/cases/" + caseId + "/medico-legal-report/verification?sha256="
                            + "0".repeat(64))),
            new Endpoint("GET", "/api/v1/cells", Set.copyOf(Caller.PLATFORM_ROLES), Reach.PLATFORM, 200,
                    (spec, caseId) -> spec.get("/api/v1/cells")),
            // A fresh code on every call: the same code twice is a 409.
            new Endpoint("POST", "/api/v1/cells", Set.of(Role.PLATFORM_ADMIN), Reach.PLATFORM, 201,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(Map.of("code", "M-" + java.util.UUID
                            .randomUUID().toString().substring(0, 8).toUpperCase(), "name", "ARCC Matrix", "city", "Matrix"))
                            .post("/api/v1/cells")),
            new Endpoint("PUT", "/api/v1/partners/{partner}/webhook", Set.of(Role.PLATFORM_ADMIN), Reach.PLATFORM, 204,
                    (spec, caseId) -> spec.contentType(ContentType.JSON)
                            .body(Map.of("url", "http://127.0.0.1:9/hook", "secret", "s".repeat(40)))
                            .put("/api/v1/partners/ngo-matrix/webhook")),
            // A check of the audit trail: every chain for an administrator, a supervisor's own cell (AuditVerificationTest).
            new Endpoint("GET", "/api/v1/audit/cases/verification", Set.of(Role.PLATFORM_ADMIN, Role.CELL_SUPERVISOR),
                    Reach.OWN_CELL, 200, (spec, caseId) -> spec.get("/api/v1/audit/cases/verification")),
            new Endpoint("POST", "/api/v1/audit/cases/verification", Set.of(Role.PLATFORM_ADMIN), Reach.PLATFORM, 200,
                    (spec, caseId) -> spec.contentType(ContentType.JSON).body(Map.of("anchors", ownAuditAnchors()))
                            .post("/api/v1/audit/cases/verification")),
            new Endpoint("GET", "/api/v1/audit/cases/anchors-held", Set.of(Role.PLATFORM_ADMIN), Reach.PLATFORM, 200,
                    (spec, caseId) -> spec.get("/api/v1/audit/cases/anchors-held?source=/arcc/evidence")));

    /** The subject of the bearer token a request carries (a random one without a token). */
    private static String subjectOf(RequestSpecification spec) {
        var scheme = io.restassured.specification.SpecificationQuerier.query(spec).getAuthenticationScheme();
        if (!(scheme instanceof io.restassured.authentication.PreemptiveOAuth2HeaderScheme oauth2)
                || oauth2.getAccessToken() == null) {
            return "no-token";
        }
        String authorization = "Bearer " + oauth2.getAccessToken();
        try {
            String[] parts = authorization.substring(7).split("\\.");
            String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
            String subject = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path("sub").asText();
            return subject.isBlank() ? "no-subject" : subject;
        } catch (RuntimeException | java.io.IOException e) {
            return "unreadable-token";
        }
    }

    /** The newest anchor of this service's trail, signed now if the trail moved: a valid cross-check body. */
    private static List<Object> ownAuditAnchors() {
        io.quarkus.arc.Arc.container().instance(org.arcc.common.audit.AuditAnchors.class).get().anchorNow();
        return given().auth().oauth2(Tokens.platformAdmin()).get("/api/v1/audit/cases/anchors-held?source=/arcc/cases&limit=1")
                .then().statusCode(200).extract().path("anchors");
    }

    /** Endpoints about one partner's record: another partner must get 404, like another cell's staff. */
    private static final Set<String> PARTNER_OWNED = Set.of("GET /api/v1/referrals/{id}", "GET /api/v1/onward-referrals/{id}",
            "POST /api/v1/onward-referrals/{id}/acknowledgement");

    /** A service each role may record, so that an allowed role's request succeeds. */
    private static String serviceRecordableBy(String role) {
        return switch (role) {
            case Role.MEDICAL_OFFICER -> "MEDICAL_TREATMENT";
            case Role.COUNSELLOR -> "PSYCHOSOCIAL_COUNSELLING";
            case Role.LEGAL_OFFICER -> "LEGAL_GUIDANCE";
            case Role.CELL_SUPERVISOR -> "LEGAL_AID";
            default -> "SHELTER_REFERRAL";
        };
    }

    @Test
    void everyEndpointHasARowAndARoleCheck() {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.in("org.arcc.cases.api");
        assertThat(endpoints).filteredOn(e -> !e.declaresAccess()).as("endpoints that do not declare who may call them")
                .isEmpty();
        assertThat(ResourceEndpoints.keys(endpoints)).as("endpoints in the policy table").containsExactlyInAnyOrderElementsOf(
                POLICY.stream().map(Endpoint::key).toList());
    }

    @Test
    void everyRoleGetsExactlyWhatThePolicySays() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : POLICY) {
            for (String role : Caller.PLATFORM_ROLES) {
                boolean allowed = endpoint.roles().contains(role);
                int expected = allowed ? endpoint.success() : 403;
                check(wrong, endpoint, role, "(own cell)", tokenFor(role, OWN_CELL), adminReason(role), expected);
                if (STAFF.contains(role) && endpoint.reach() == Reach.ONE_CASE) {
                    check(wrong, endpoint, role, "of another cell", tokenFor(role, OTHER_CELL), null, allowed ? 404 : 403);
                }
            }
            if (PARTNER_OWNED.contains(endpoint.key())) {
                check(wrong, endpoint, Role.PARTNER_NGO, "of another partner", Tokens.partner("ngo-other"), null, 404);
            }
            if (endpoint.roles().contains(Role.PLATFORM_ADMIN) && endpoint.reach() == Reach.ONE_CASE) {
                check(wrong, endpoint, Role.PLATFORM_ADMIN, "without a reason", Tokens.platformAdmin(), null, 404);
            }
        }
        assertThat(wrong).as("answers that differ from the policy").isEmpty();
    }

    @Test
    void everyBrokenTokenIs401BeforeAnythingHappens() {
        List<String> wrong = new ArrayList<>();
        Map<String, String> broken = Tokens.broken(Role.CELL_SUPERVISOR, OWN_CELL);
        for (Endpoint endpoint : POLICY) {
            check(wrong, endpoint, Role.CASE_WORKER, "with no token", null, null, 401);
            broken.forEach((what, token) -> check(wrong, endpoint, Role.CASE_WORKER, "with a token " + what, token, null, 401));
        }
        assertThat(wrong).as("answers that differ from 401").isEmpty();
    }

    private static void check(List<String> wrong, Endpoint endpoint, String role, String how, String token, String reason,
            int expected) {
        String who = role + " " + how;
        String caseId = CasesApi.openCaseWithIdentity(Tokens.caseWorker(OWN_CELL), AnIdentity.adult());
        RequestSpecification spec = given();
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        if (reason != null) {
            spec = spec.header("X-Access-Reason", reason);
        }
        Response response = endpoint.call().send(spec, caseId, role);
        if (response.statusCode() != expected) {
            wrong.add(endpoint.key() + " as " + who + ": expected " + expected + ", got " + response.statusCode());
        } else if (expected >= 400 && !response.contentType().startsWith("application/problem+json")) {
            wrong.add(endpoint.key() + " as " + who + ": " + expected + " without a problem body");
        }
    }

    private static String tokenFor(String role, String cell) {
        return switch (role) {
            case Role.PARTNER_NGO -> Tokens.partner("ngo-demo");
            case Role.EVIDENCE_CUSTODIAN -> Tokens.custodian("forensic-lab-demo");
            case Role.ANALYST -> Tokens.analyst();
            case Role.PLATFORM_ADMIN -> Tokens.platformAdmin();
            default -> Tokens.as(role).inCell(cell).sign();
        };
    }

    /** Administrators act only with a stated reason; everyone else sends none. */
    private static String adminReason(String role) {
        return Role.PLATFORM_ADMIN.equals(role) ? "Authorization matrix test of the cases service" : null;
    }
}
