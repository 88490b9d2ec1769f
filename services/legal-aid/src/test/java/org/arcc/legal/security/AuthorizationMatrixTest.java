package org.arcc.legal.security;

import static io.restassured.RestAssured.given;
import static org.arcc.legal.LegalApi.file;
import static org.arcc.legal.LegalApi.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arcc.common.security.Caller;
import org.arcc.legal.LegalApi;
import org.arcc.legal.LegalApi.Fixture;
import org.arcc.legal.LegalApi.Progress;
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
 * Every legal-aid endpoint against every kind of caller: each platform role in the file's cell and in another
 * cell, and every way a token can be wrong. The table is the service's authorization policy (issue 13: the legal
 * officer and supervisor of the file's cell write, case workers and counsellors read the stage, nobody else gets
 * anything); an endpoint missing from it fails the build.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class AuthorizationMatrixTest {

    private static final String OWN_CELL = "KHI";
    private static final String OTHER_CELL = "LHE-1";
    private static final Set<String> STAFF = Set.of(Role.CASE_WORKER, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER,
            Role.CELL_SUPERVISOR);
    private static final Set<String> WRITERS = Set.of(Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR);
    private static final Set<String> STAGE_READERS = Set.of(Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR, Role.CASE_WORKER, Role.COUNSELLOR);
    /** Case workers go with the survivor to the police, so they may look up the police stations. */
    private static final Set<String> STATION_READERS = Set.of(Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR, Role.CASE_WORKER);

    enum Reach {
        /** About one file: another cell's staff get 404. */
        ONE_FILE,
        /** Scoped to the caller's cell: nothing to hide behind 404. */
        CALLERS_CELL,
        /** Reference data (police stations, units, the panel): the same for every cell, nothing to hide. */
        REFERENCE,
        /** The service's audit trail: every chain for an administrator, a supervisor's own cell's rows. */
        TRAIL
    }

    @FunctionalInterface
    interface Call {
        Response send(RequestSpecification spec, Fixture f);
    }

    /** @param needs how far along the file must be for the call to succeed */
    record Endpoint(String method, String path, Set<String> roles, Reach reach, int success, Progress needs, Call call) {
        String key() {
            return method + " " + path;
        }
    }

    private static final String FILE = LegalApi.FILES + "/{id}";

    private static RequestSpecification json(RequestSpecification spec, Object body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    private final List<Endpoint> policy = List.of(
            new Endpoint("GET", FILE, WRITERS, Reach.ONE_FILE, 200, Progress.NEW,
                    (spec, f) -> spec.get(file(f.caseId()))),
            new Endpoint("GET", FILE + "/stage", STAGE_READERS, Reach.ONE_FILE, 200, Progress.NEW,
                    (spec, f) -> spec.get(file(f.caseId()) + "/stage")),
            new Endpoint("POST", FILE + "/initials", WRITERS, Reach.ONE_FILE, 204, Progress.NEW,
                    (spec, f) -> json(spec, Map.of("initials", "A.B.")).post(file(f.caseId()) + "/initials")),
            new Endpoint("POST", FILE + "/fir", WRITERS, Reach.ONE_FILE, 201, Progress.NEW,
                    (spec, f) -> json(spec, LegalApi.firRegistered(Instant.now().minusSeconds(600))).post(file(f.caseId()) + "/fir")),
            new Endpoint("POST", FILE + "/fir-refusals", WRITERS, Reach.ONE_FILE, 201, Progress.NEW,
                    (spec, f) -> json(spec, Map.of("policeStation", "ps-khi-gulshan", "refusedAt",
                            Instant.now().minusSeconds(600).toString(), "reason", "SENT_TO_ANOTHER_STATION", "refusedBy",
                            "Duty officer")).post(file(f.caseId()) + "/fir-refusals")),
            new Endpoint("POST", FILE + "/investigation", WRITERS, Reach.ONE_FILE, 201, Progress.FIR,
                    (spec, f) -> json(spec, Map.of("unit", "ssoiu-khi", "investigatingOfficer", "Inspector Shazia"))
                            .post(file(f.caseId()) + "/investigation")),
            new Endpoint("POST", FILE + "/investigation/steps", WRITERS, Reach.ONE_FILE, 201, Progress.COURT,
                    (spec, f) -> json(spec, Map.of("step", "S161_STATEMENT", "on", today().toString(),
                            "femaleOfficerPresent", true)).post(file(f.caseId()) + "/investigation/steps")),
            new Endpoint("POST", FILE + "/representations", WRITERS, Reach.ONE_FILE, 201, Progress.FIR,
                    (spec, f) -> json(spec, Map.of("role", "SPECIAL_PROSECUTOR", "lawyer", "Mr. Special Prosecutor",
                            "enrolment", "SHC-KHI-77001", "on", today().toString())).post(file(f.caseId()) + "/representations")),
            new Endpoint("POST", FILE + "/representations/{representationId}/response", WRITERS, Reach.ONE_FILE, 200,
                    Progress.COURT, (spec, f) -> json(spec, Map.of("accepted", true, "on", today().toString()))
                            .post(file(f.caseId()) + "/representations/" + f.representationId() + "/response")),
            new Endpoint("POST", FILE + "/trial", WRITERS, Reach.ONE_FILE, 201, Progress.FIR,
                    (spec, f) -> json(spec, LegalApi.trial(today())).post(file(f.caseId()) + "/trial")),
            new Endpoint("POST", FILE + "/hearings", WRITERS, Reach.ONE_FILE, 201, Progress.COURT,
                    (spec, f) -> json(spec, Map.of("on", today().plusDays(10).toString(), "purpose", "ARGUMENTS"))
                            .post(file(f.caseId()) + "/hearings")),
            new Endpoint("POST", FILE + "/hearings/{hearingId}/outcome", WRITERS, Reach.ONE_FILE, 200, Progress.COURT,
                    (spec, f) -> json(spec, Map.of("outcome", "HELD", "nextOn", today().plusDays(14).toString()))
                            .post(file(f.caseId()) + "/hearings/" + f.hearingId() + "/outcome")),
            new Endpoint("POST", FILE + "/verdict", WRITERS, Reach.ONE_FILE, 201, Progress.COURT,
                    (spec, f) -> json(spec, LegalApi.conviction(today())).post(file(f.caseId()) + "/verdict")),
            new Endpoint("POST", FILE + "/appeals", WRITERS, Reach.ONE_FILE, 201, Progress.DECIDED,
                    (spec, f) -> json(spec, Map.of("filedBy", "CONVICT", "court", "Sindh High Court", "filedOn",
                            today().toString())).post(file(f.caseId()) + "/appeals")),
            new Endpoint("POST", FILE + "/appeals/{appealId}/decision", WRITERS, Reach.ONE_FILE, 200, Progress.APPEALED,
                    (spec, f) -> json(spec, Map.of("outcome", "DISMISSED", "decidedOn", today().toString()))
                            .post(file(f.caseId()) + "/appeals/" + f.appealId() + "/decision")),
            new Endpoint("GET", "/api/v1/legal/deadlines", WRITERS, Reach.CALLERS_CELL, 200, Progress.NEW,
                    (spec, f) -> spec.queryParam("status", "overdue").get("/api/v1/legal/deadlines")),
            new Endpoint("GET", "/api/v1/legal/police-stations", STATION_READERS, Reach.REFERENCE, 200, Progress.NEW,
                    (spec, f) -> spec.queryParam("district", "Karachi").get("/api/v1/legal/police-stations")),
            new Endpoint("GET", "/api/v1/legal/investigation-units", WRITERS, Reach.REFERENCE, 200, Progress.NEW,
                    (spec, f) -> spec.get("/api/v1/legal/investigation-units")),
            new Endpoint("GET", "/api/v1/legal/lawyers", WRITERS, Reach.REFERENCE, 200, Progress.NEW,
                    (spec, f) -> spec.queryParam("district", "Lahore").get("/api/v1/legal/lawyers")),
            new Endpoint("GET", "/api/v1/audit/legal/verification", Set.of(Role.PLATFORM_ADMIN, Role.CELL_SUPERVISOR),
                    Reach.TRAIL, 200, Progress.NEW, (spec, f) -> spec.get("/api/v1/audit/legal/verification")),
            new Endpoint("POST", "/api/v1/audit/legal/verification", Set.of(Role.PLATFORM_ADMIN), Reach.TRAIL, 200,
                    Progress.NEW, (spec, f) -> json(spec, Map.of("anchors", ownAuditAnchors()))
                            .post("/api/v1/audit/legal/verification")),
            new Endpoint("GET", "/api/v1/audit/legal/anchors-held", Set.of(Role.PLATFORM_ADMIN), Reach.TRAIL, 200,
                    Progress.NEW, (spec, f) -> spec.get("/api/v1/audit/legal/anchors-held?source=/arcc/cases")));

    @jakarta.inject.Inject
    org.arcc.common.audit.AuditAnchors auditAnchors;

    /** The newest anchor of this service's trail, signed now if the trail moved: a valid cross-check body. */
    private List<Object> ownAuditAnchors() {
        auditAnchors.anchorNow();
        return given().auth().oauth2(Tokens.platformAdmin())
                .get("/api/v1/audit/legal/anchors-held?source=/arcc/legal-aid&limit=1").then().statusCode(200)
                .extract().path("anchors");
    }

    /** Files that no call changes (every refused call), one per stage, made once. */
    private static final Map<Progress, Fixture> UNCHANGED = new EnumMap<>(Progress.class);

    private static Fixture unchanged(Progress progress) {
        return UNCHANGED.computeIfAbsent(progress, p -> LegalApi.fileAt(OWN_CELL, p));
    }

    @Test
    void everyEndpointHasARowAndARoleCheck() {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.in("org.arcc.legal.api");
        assertThat(endpoints).filteredOn(e -> !e.declaresAccess()).as("endpoints that do not declare who may call them")
                .isEmpty();
        assertThat(ResourceEndpoints.keys(endpoints)).as("endpoints in the policy table").containsExactlyInAnyOrderElementsOf(
                policy.stream().map(Endpoint::key).toList());
    }

    @Test
    void everyRoleGetsExactlyWhatThePolicySays() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : policy) {
            for (String role : Caller.PLATFORM_ROLES) {
                boolean allowed = endpoint.roles().contains(role);
                // A call that succeeds changes its file: it gets a fresh one.
                Fixture f = allowed ? LegalApi.fileAt(OWN_CELL, endpoint.needs()) : unchanged(endpoint.needs());
                check(wrong, endpoint, role + " (own cell)", tokenFor(role, OWN_CELL), f, allowed ? endpoint.success() : 403);
                if (STAFF.contains(role) && allowed && endpoint.reach() == Reach.ONE_FILE) {
                    check(wrong, endpoint, role + " of another cell", tokenFor(role, OTHER_CELL), unchanged(endpoint.needs()), 404);
                }
            }
        }
        assertThat(wrong).as("answers that differ from the policy").isEmpty();
    }

    @Test
    void everyBrokenTokenIs401BeforeAnythingHappens() {
        List<String> wrong = new ArrayList<>();
        Map<String, String> broken = Tokens.broken(Role.LEGAL_OFFICER, OWN_CELL);
        for (Endpoint endpoint : policy) {
            Fixture f = unchanged(endpoint.needs());
            check(wrong, endpoint, "no token", null, f, 401);
            broken.forEach((what, token) -> check(wrong, endpoint, "a token " + what, token, f, 401));
        }
        assertThat(wrong).as("answers that differ from 401").isEmpty();
    }

    private static void check(List<String> wrong, Endpoint endpoint, String who, String token, Fixture f, int expected) {
        RequestSpecification spec = given();
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        Response response = endpoint.call().send(spec, f);
        if (response.statusCode() != expected) {
            wrong.add(endpoint.key() + " as " + who + ": expected " + expected + ", got " + response.statusCode()
                    + " " + response.asString());
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
}
