package org.arcc.reporting.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every reporting endpoint against every kind of caller and every way a token can be wrong. The table is the
 * service's authorization policy (issue 14): analysts, cell supervisors and platform administrators read reports,
 * only administrators rebuild, everyone else gets 403. Reports are aggregates, not one cell's records: a cell
 * supervisor reads every cell's figures (protected; their own exact), so there is no "other cell" 404 here; the
 * supervisor's own-cell exactness is tested in ReportsResourceTest. An endpoint missing from the table fails the
 * build.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class AuthorizationMatrixTest {

    private static final Set<String> READERS = Set.of(Role.ANALYST, Role.CELL_SUPERVISOR, Role.PLATFORM_ADMIN);
    private static final Set<String> ADMINS = Set.of(Role.PLATFORM_ADMIN);
    private static final String PERIOD = "?from=2026-01&to=2026-03";

    @FunctionalInterface
    interface Call {
        Response send(RequestSpecification spec, String rebuildId);
    }

    record Endpoint(String method, String path, Set<String> roles, int success, Call call) {
        String key() {
            return method + " " + path;
        }
    }

    private final List<Endpoint> policy = List.of(
            new Endpoint("GET", "/api/v1/reports/tables", READERS, 200, (spec, id) -> spec.get("/api/v1/reports/tables")),
            new Endpoint("GET", "/api/v1/reports/tables/{id}", READERS, 200,
                    (spec, id) -> spec.get("/api/v1/reports/tables/survivors-by-age-band" + PERIOD)),
            new Endpoint("GET", "/api/v1/reports/dhis2/dataValueSets", READERS, 200,
                    (spec, id) -> spec.get("/api/v1/reports/dhis2/dataValueSets" + PERIOD)),
            new Endpoint("POST", "/api/v1/reports/rebuild", ADMINS, 202, (spec, id) -> spec.post("/api/v1/reports/rebuild")),
            new Endpoint("GET", "/api/v1/reports/rebuild/{id}", ADMINS, 200,
                    (spec, id) -> spec.get("/api/v1/reports/rebuild/" + id)));

    private static String rebuild;

    /** A finished rebuild to read (started once). */
    private static String finishedRebuild() {
        if (rebuild == null) {
            rebuild = given().auth().oauth2(Tokens.platformAdmin()).post("/api/v1/reports/rebuild").then().statusCode(202)
                    .extract().path("id");
            awaitDone(rebuild);
        }
        return rebuild;
    }

    private static void awaitDone(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !"RUNNING".equals(
                given().auth().oauth2(Tokens.platformAdmin()).get("/api/v1/reports/rebuild/" + id).then().extract()
                        .path("state")));
    }

    @Test
    void everyEndpointHasARowAndARoleCheck() {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.in("org.arcc.reporting.api");
        assertThat(endpoints).filteredOn(e -> !e.declaresAccess()).as("endpoints that do not declare who may call them")
                .isEmpty();
        assertThat(ResourceEndpoints.keys(endpoints)).as("endpoints in the policy table")
                .containsExactlyInAnyOrderElementsOf(policy.stream().map(Endpoint::key).toList());
    }

    @Test
    void everyRoleGetsExactlyWhatThePolicySays() {
        List<String> wrong = new ArrayList<>();
        String id = finishedRebuild();
        for (Endpoint endpoint : policy) {
            for (String role : Caller.PLATFORM_ROLES) {
                boolean allowed = endpoint.roles().contains(role);
                Response response = check(wrong, endpoint, role, tokenFor(role), id, allowed ? endpoint.success() : 403);
                if (allowed && endpoint.method().equals("POST") && response.statusCode() == 202) {
                    awaitDone(response.path("id"));
                }
            }
        }
        assertThat(wrong).as("answers that differ from the policy").isEmpty();
    }

    @Test
    void everyBrokenTokenIs401BeforeAnythingHappens() {
        List<String> wrong = new ArrayList<>();
        Map<String, String> broken = Tokens.broken(Role.ANALYST, "KHI");
        String id = finishedRebuild();
        for (Endpoint endpoint : policy) {
            check(wrong, endpoint, "no token", null, id, 401);
            broken.forEach((what, token) -> check(wrong, endpoint, "a token " + what, token, id, 401));
        }
        assertThat(wrong).as("answers that differ from 401").isEmpty();
    }

    private static Response check(List<String> wrong, Endpoint endpoint, String who, String token, String id, int expected) {
        RequestSpecification spec = given();
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        Response response = endpoint.call().send(spec, id);
        if (response.statusCode() != expected) {
            wrong.add(endpoint.key() + " as " + who + ": expected " + expected + ", got " + response.statusCode() + " "
                    + response.asString());
        } else if (expected >= 400 && !response.contentType().startsWith("application/problem+json")) {
            wrong.add(endpoint.key() + " as " + who + ": " + expected + " without a problem body");
        }
        return response;
    }

    private static String tokenFor(String role) {
        return switch (role) {
            case Role.PARTNER_NGO -> Tokens.partner("ngo-demo");
            case Role.EVIDENCE_CUSTODIAN -> Tokens.custodian("forensic-lab-demo");
            case Role.ANALYST -> Tokens.analyst();
            case Role.PLATFORM_ADMIN -> Tokens.platformAdmin();
            default -> Tokens.as(role).inCell("KHI").sign();
        };
    }
}
