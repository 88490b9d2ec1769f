package org.arcc.gateway.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.arcc.gateway.routing.Route.Rule;
import org.arcc.vocabulary.Role;

/**
 * The gateway's routes and their role policies. Services check every request again in detail; this is the
 * first wall, coarse by design: who may reach a service at all.
 */
@ApplicationScoped
public class RouteTable {

    static final Set<String> CELL_STAFF = Set.of(Role.CASE_WORKER, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER,
            Role.CELL_SUPERVISOR);

    private static final Set<String> STAFF_AND_ADMIN = union(CELL_STAFF, Set.of(Role.PLATFORM_ADMIN));

    private final List<Route> routes = List.of(
            new Route("cases", "/api/v1/cases", "cases", List.of(Rule.any(STAFF_AND_ADMIN))),
            new Route("referrals", "/api/v1/referrals", "cases", List.of(
                    Rule.on(Set.of("POST"), "/api/v1/referrals", Set.of(Role.PARTNER_NGO)),
                    Rule.on(Set.of("POST"), "/api/v1/referrals/[^/]+/(acceptance|decline)", CELL_STAFF),
                    Rule.on(Set.of("GET"), union(CELL_STAFF, Set.of(Role.PARTNER_NGO, Role.PLATFORM_ADMIN))))),
            new Route("onward-referrals", "/api/v1/onward-referrals", "cases", List.of(Rule.any(Set.of(Role.PARTNER_NGO)))),
            new Route("partners", "/api/v1/partners", "cases", List.of(Rule.any(Set.of(Role.PLATFORM_ADMIN)))),
            // The list of cells is reference data every platform role reads; adding a cell is an administrator's.
            new Route("cells", "/api/v1/cells", "cases", List.of(
                    Rule.on(Set.of("GET"), union(STAFF_AND_ADMIN, Set.of(Role.EVIDENCE_CUSTODIAN, Role.PARTNER_NGO, Role.ANALYST))),
                    Rule.on(Set.of("POST"), Set.of(Role.PLATFORM_ADMIN)))),
            // The survivor's lookup by one-time code: no token, limited per client address (RateLimiter).
            new Route("evidence-status", "/api/v1/evidence/status", "evidence", List.of(
                    Rule.publicAccess(Set.of("GET")))),
            new Route("evidence", "/api/v1/evidence", "evidence", List.of(
                    // Signed checkpoints carry no case data: anyone who may check a custody bundle may fetch them.
                    Rule.on(Set.of("GET"), "/api/v1/evidence/checkpoints(/.*)?",
                            union(STAFF_AND_ADMIN, Set.of(Role.EVIDENCE_CUSTODIAN, Role.PARTNER_NGO, Role.ANALYST))),
                    Rule.any(union(STAFF_AND_ADMIN, Set.of(Role.EVIDENCE_CUSTODIAN))))),
            // Each service's audit verification (docs/security.md); the service narrows it further (a supervisor sees
            // its own cell's problems, only an administrator cross-checks or reads the anchors held).
            new Route("audit-cases", "/api/v1/audit/cases", "cases", List.of(
                    Rule.any(Set.of(Role.PLATFORM_ADMIN, Role.CELL_SUPERVISOR)))),
            new Route("audit-evidence", "/api/v1/audit/evidence", "evidence", List.of(
                    Rule.any(Set.of(Role.PLATFORM_ADMIN, Role.CELL_SUPERVISOR)))),
            new Route("audit-legal", "/api/v1/audit/legal", "legal", List.of(
                    Rule.any(Set.of(Role.PLATFORM_ADMIN, Role.CELL_SUPERVISOR)))),
            // Legal files: their cell's legal officer and supervisor; case workers and counsellors read the stage only,
            // and case workers, who go with the survivor to the police, the list of police stations.
            new Route("legal", "/api/v1/legal", "legal", List.of(
                    Rule.on(Set.of("GET"), "/api/v1/legal/files/[^/]+/stage",
                            Set.of(Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR, Role.CASE_WORKER, Role.COUNSELLOR)),
                    Rule.on(Set.of("GET"), "/api/v1/legal/police-stations",
                            Set.of(Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR, Role.CASE_WORKER)),
                    Rule.any(Set.of(Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR)))),
            new Route("reports", "/api/v1/reports", "reporting", List.of(
                    Rule.on(Set.of("GET", "POST"), Set.of(Role.ANALYST, Role.CELL_SUPERVISOR, Role.PLATFORM_ADMIN)))));

    /** The most specific route for a path. */
    public Optional<Route> match(String path) {
        return routes.stream().filter(r -> r.matches(path))
                .max(Comparator.comparingInt(r -> r.prefix().length()));
    }

    public List<Route> all() {
        return routes;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
