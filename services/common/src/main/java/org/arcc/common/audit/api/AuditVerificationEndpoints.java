package org.arcc.common.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.arcc.common.audit.AuditReports;
import org.arcc.common.idempotency.IdempotentPost;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A service's audit trail checked on demand (docs/security.md, "Audit verification and anchoring"): by a platform
 * administrator for every chain, by a cell's supervisor for its cell's rows; cross-checked against the anchors
 * another service holds; and the anchors held here, for the other service's cross-check.
 * <p>
 * The same three endpoints in every service that keeps an audit trail: each service's {@code AuditVerificationResource}
 * extends this class and says only where they live ({@code @Path("/api/v1/audit/<service>")}) and under which tag.
 */
public abstract class AuditVerificationEndpoints {

    @Inject
    AuditReports reports;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/verification")
    @RolesAllowed({ Role.PLATFORM_ADMIN, Role.CELL_SUPERVISOR })
    @Operation(operationId = "verifyAuditTrail", summary = "Check this service's audit trail now",
            description = "Recomputes every hash of every chain and compares each chain with the signed anchors stored here."
            + " Intact or broken, with each problem's chain and position. A cell's supervisor sees its own cell's"
            + " problems and those no row can be tied to (a deleted row).")
    public AuditVerificationReport verify() {
        return reports.verify(caller.get());
    }

    @POST
    @Path("/verification")
    @IdempotentPost
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.PLATFORM_ADMIN })
    @Operation(operationId = "crossCheckAuditTrail", summary = "Check this service's audit trail against anchors another service holds",
            description = "Takes anchors of this trail read from the other service's anchors-held, so that deleting or"
            + " rewriting the anchors stored here hides nothing. An anchor this service's key did not sign is refused (400).")
    public AuditVerificationReport crossCheck(@Valid @NotNull CrossCheckRequest request) {
        return reports.crossCheck(request);
    }

    @GET
    @Path("/anchors-held")
    @RolesAllowed({ Role.PLATFORM_ADMIN })
    @Operation(operationId = "listAnchorsHeld", summary = "The newest signed audit anchors this service holds for a source",
            description = "Another service's anchors (or this one's own), newest first, as POST .../verification of"
            + " their source takes them.")
    public AnchorsHeld held(@QueryParam("source") @NotNull @Pattern(regexp = "/arcc/[a-z-]{1,40}") String source,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(AnchorsHeld.MAX) int limit) {
        return reports.held(source, limit);
    }
}
