package org.arcc.evidence.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.arcc.common.security.Caller;
import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
import org.arcc.evidence.service.Checkpoints;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.ResourceEndpoints;
import org.arcc.testing.Tokens;
import org.arcc.vocabulary.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every evidence endpoint against every kind of caller: each platform role in the item's cell and in another
 * cell, the custodian that holds the item and one that does not, and every way a token can be wrong. The
 * table is the service's authorization policy; an endpoint missing from it fails the build.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class AuthorizationMatrixTest {

    private static final String OWN_CELL = "KHI";
    private static final String OTHER_CELL = "LHE-1";
    private static final String HOLDING_LAB = "forensic-lab-demo";
    private static final String OTHER_LAB = "pfsa-lhe";
    private static final Set<String> STAFF = Set.of(Role.CASE_WORKER, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER,
            Role.CELL_SUPERVISOR);
    private static final Set<String> HANDLERS = Set.of(Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR);
    private static final Set<String> READERS = Set.of(Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR,
            Role.LEGAL_OFFICER, Role.EVIDENCE_CUSTODIAN);
    private static final Set<String> EVERY_ROLE = Set.copyOf(Caller.PLATFORM_ROLES);

    enum Reach {
        /** About one item: another cell's staff and a custodian not holding it get 404. */
        ONE_ITEM,
        /** Scoped to the caller (their cell, their custodian organisation): nothing to hide behind 404. */
        CALLERS_OWN,
        /** Not about any case: checkpoints of the whole log, the audit trail. */
        LOG,
        /** Public: the survivor's status code. */
        PUBLIC
    }

    /** The item a request is about, held by the cell or by the lab. */
    record Fixture(UUID caseId, String itemId, String kitNumber, String survivorCode) {
    }

    @FunctionalInterface
    interface Call {
        Response send(RequestSpecification spec, Fixture f);
    }

    record Endpoint(String method, String path, Set<String> roles, Reach reach, int success, Call call) {
        String key() {
            return method + " " + path;
        }
    }

    private static final String ITEMS = EvidenceApi.ITEMS;

    private final List<Endpoint> policy = List.of(
            new Endpoint("POST", ITEMS, HANDLERS, Reach.ONE_ITEM, 201, (spec, f) -> spec.contentType(ContentType.JSON)
                    .body(Map.of("caseId", f.caseId().toString(), "type", "HAIR", "sealNumber", "M-1",
                            "collectedAt", Instant.now().minusSeconds(60).toString())).post(ITEMS)),
            new Endpoint("GET", ITEMS, READERS, Reach.CALLERS_OWN, 200,
                    (spec, f) -> spec.queryParam("caseId", f.caseId().toString()).get(ITEMS)),
            new Endpoint("GET", ITEMS + "/{id}", READERS, Reach.ONE_ITEM, 200, (spec, f) -> spec.get(ITEMS + "/" + f.itemId())),
            new Endpoint("GET", ITEMS + "/by-kit/{kitNumber}", READERS, Reach.ONE_ITEM, 200,
                    (spec, f) -> spec.get(ITEMS + "/by-kit/" + f.kitNumber())),
            new Endpoint("GET", "/api/v1/evidence/kits/{kitNumber}", READERS, Reach.ONE_ITEM, 200,
                    (spec, f) -> spec.get("/api/v1/evidence/kits/" + f.kitNumber())),
            new Endpoint("POST", ITEMS + "/{id}/custody", Set.of(Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR,
                    Role.EVIDENCE_CUSTODIAN), Reach.ONE_ITEM, 201, (spec, f) -> spec.contentType(ContentType.JSON)
                            .body(Map.of("action", "STORED", "location", "Shelf 4")).post(ITEMS + "/" + f.itemId() + "/custody")),
            new Endpoint("GET", ITEMS + "/{id}/custody", READERS, Reach.ONE_ITEM, 200,
                    (spec, f) -> spec.get(ITEMS + "/" + f.itemId() + "/custody")),
            new Endpoint("GET", ITEMS + "/{id}/bundle", READERS, Reach.ONE_ITEM, 200,
                    (spec, f) -> spec.get(ITEMS + "/" + f.itemId() + "/bundle")),
            new Endpoint("GET", ITEMS + "/{id}/custody-report", READERS, Reach.ONE_ITEM, 200,
                    (spec, f) -> spec.accept("text/markdown").get(ITEMS + "/" + f.itemId() + "/custody-report")),
            new Endpoint("POST", ITEMS + "/{id}/disposal", Set.of(Role.CELL_SUPERVISOR), Reach.ONE_ITEM, 200,
                    (spec, f) -> spec.contentType(ContentType.JSON).body(Map.of("reason", "retention period over"))
                            .post(ITEMS + "/" + f.itemId() + "/disposal")),
            new Endpoint("GET", "/api/v1/evidence/checkpoints/latest", EVERY_ROLE, Reach.LOG, 200,
                    (spec, f) -> spec.get("/api/v1/evidence/checkpoints/latest")),
            new Endpoint("GET", "/api/v1/evidence/checkpoints/consistency", EVERY_ROLE, Reach.LOG, 200,
                    (spec, f) -> spec.queryParam("from", older).queryParam("to", newer)
                            .get("/api/v1/evidence/checkpoints/consistency")),
            new Endpoint("GET", "/api/v1/evidence/status/{code}", EVERY_ROLE, Reach.PUBLIC, 200,
                    (spec, f) -> spec.get("/api/v1/evidence/status/" + f.survivorCode())),
            // A check of the audit trail: every chain for an administrator, a supervisor's own cell.
            new Endpoint("GET", "/api/v1/audit/evidence/verification", Set.of(Role.PLATFORM_ADMIN, Role.CELL_SUPERVISOR),
                    Reach.CALLERS_OWN, 200, (spec, f) -> spec.get("/api/v1/audit/evidence/verification")),
            new Endpoint("POST", "/api/v1/audit/evidence/verification", Set.of(Role.PLATFORM_ADMIN), Reach.LOG, 200,
                    (spec, f) -> spec.contentType(ContentType.JSON).body(Map.of("anchors", ownAuditAnchors()))
                            .post("/api/v1/audit/evidence/verification")),
            new Endpoint("GET", "/api/v1/audit/evidence/anchors-held", Set.of(Role.PLATFORM_ADMIN), Reach.LOG, 200,
                    (spec, f) -> spec.get("/api/v1/audit/evidence/anchors-held?source=/arcc/cases")));

    @Inject
    org.arcc.common.audit.AuditAnchors auditAnchors;

    /** The newest anchor of this service's trail, signed now if the trail moved: a valid cross-check body. */
    private List<Object> ownAuditAnchors() {
        auditAnchors.anchorNow();
        return io.restassured.RestAssured.given().auth().oauth2(Tokens.platformAdmin())
                .get("/api/v1/audit/evidence/anchors-held?source=/arcc/evidence&limit=1").then().statusCode(200)
                .extract().path("anchors");
    }

    @Inject
    Checkpoints checkpoints;

    static long older;
    static long newer;

    @BeforeEach
    void twoCheckpoints() {
        if (older == 0) {
            String medical = Tokens.medicalOfficer(OWN_CELL);
            EvidenceApi.register(medical, CaseFacts.openedWithConsents(OWN_CELL, "EVIDENCE_COLLECTION"), "HAIR");
            older = checkpoints.signNow().checkpoint().treeSize();
            EvidenceApi.register(medical, CaseFacts.openedWithConsents(OWN_CELL, "EVIDENCE_COLLECTION"), "HAIR");
            newer = checkpoints.signNow().checkpoint().treeSize();
        }
    }

    @Test
    void everyEndpointHasARowAndARoleCheck() {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.in("org.arcc.evidence.api");
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
                int expected = allowed ? endpoint.success() : 403;
                if (role.equals(Role.EVIDENCE_CUSTODIAN) && allowed && endpoint.reach() == Reach.ONE_ITEM) {
                    // Custodians act only on what they hold: the lab holding the item, another lab, the cell's item.
                    check(wrong, endpoint, "custodian holding it", Tokens.custodian(HOLDING_LAB), true, endpoint.success());
                    check(wrong, endpoint, "custodian of another lab", Tokens.custodian(OTHER_LAB), true, 404);
                    check(wrong, endpoint, "custodian not holding it", Tokens.custodian(HOLDING_LAB), false, 404);
                    continue;
                }
                check(wrong, endpoint, role + " (own cell)", tokenFor(role, OWN_CELL), false, expected);
                if (STAFF.contains(role) && allowed && endpoint.reach() == Reach.ONE_ITEM) {
                    check(wrong, endpoint, role + " of another cell", tokenFor(role, OTHER_CELL), false, 404);
                }
            }
        }
        assertThat(wrong).as("answers that differ from the policy").isEmpty();
    }

    @Test
    void everyBrokenTokenIs401BeforeAnythingHappens() {
        List<String> wrong = new ArrayList<>();
        Map<String, String> broken = Tokens.broken(Role.CELL_SUPERVISOR, OWN_CELL);
        for (Endpoint endpoint : policy) {
            if (endpoint.reach() == Reach.PUBLIC) {
                check(wrong, endpoint, "anyone with no token", null, false, 200);
                continue;
            }
            check(wrong, endpoint, "no token", null, false, 401);
            broken.forEach((what, token) -> check(wrong, endpoint, "a token " + what, token, false, 401));
        }
        assertThat(wrong).as("answers that differ from 401").isEmpty();
    }

    private static void check(List<String> wrong, Endpoint endpoint, String who, String token, boolean atTheLab,
            int expected) {
        Fixture f = fixture(atTheLab);
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

    /** A KHI urine sample collected two hours ago (past the test profile's 1 h retention), at the cell or at the lab. */
    private static Fixture fixture(boolean atTheLab) {
        String medical = Tokens.medicalOfficer(OWN_CELL);
        UUID caseId = CaseFacts.openedWithConsents(OWN_CELL, "EVIDENCE_COLLECTION", "EVIDENCE_TESTING");
        Response registered = EvidenceApi.registerCollectedAt(medical, caseId, "URINE",
                Instant.now().minus(Duration.ofHours(2)));
        registered.then().statusCode(201);
        String item = registered.path("item.id");
        if (atTheLab) {
            EvidenceApi.move(medical, item, "custodian:" + HOLDING_LAB, Tokens.custodian(HOLDING_LAB));
        }
        return new Fixture(caseId, item, registered.path("item.kitNumber"), registered.path("survivorCode"));
    }

    private static String tokenFor(String role, String cell) {
        return switch (role) {
            case Role.PARTNER_NGO -> Tokens.partner("ngo-demo");
            case Role.EVIDENCE_CUSTODIAN -> Tokens.custodian(HOLDING_LAB);
            case Role.ANALYST -> Tokens.analyst();
            case Role.PLATFORM_ADMIN -> Tokens.platformAdmin();
            default -> Tokens.as(role).inCell(cell).sign();
        };
    }
}
