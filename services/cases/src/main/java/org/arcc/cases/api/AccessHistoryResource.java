package org.arcc.cases.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.arcc.cases.service.CaseHistory;
import org.arcc.common.audit.AuditTrail;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;

/** Who touched a case and its identity, when and why: for the supervisor of the case's cell. */
@Tag(name = "Audit", description = "Who read or changed survivor records (a case's access history), and checks that the audit trail itself is intact")
@Path("/api/v1/cases/{id}/access-history")
@Produces(MediaType.APPLICATION_JSON)
public class AccessHistoryResource {

    @Inject
    CaseHistory history;

    @Inject
    CurrentCaller caller;

    public record AccessView(long seq, Instant at, String actor, String actorRoles, String actorCell, String action,
            String resource, String purpose, String reason, String outcome, String requestId) {
        static AccessView of(AuditTrail.AccessRecord r) {
            return new AccessView(r.seq(), r.at(), r.actor(), r.actorRoles(), r.actorCell(), r.action(),
                    r.resourceType(), r.purpose(), r.reason(), r.outcome(), r.requestId());
        }
    }

    public record AccessHistory(UUID caseId, List<AccessView> accesses) {
    }

    @GET
    @RolesAllowed({ Role.CELL_SUPERVISOR })
    @Operation(operationId = "getAccessHistory", summary = "Read who accessed a case",
            description = "The case's access history (who, role, what, why, outcome) from the hash-chained audit trail, for"
            + " its cell's supervisor.")
    public AccessHistory list(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return new AccessHistory(id, history.of(who, AccessScope.ownCell(who), id).stream().map(AccessView::of).toList());
    }
}
