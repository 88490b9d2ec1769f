package org.arcc.cases.api;

import org.arcc.common.idempotency.IdempotentPost;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.service.Workflow;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;

/**
 * Moves a case through intake → assessment → action plan → implementation → follow-up → closed. Closing
 * (the supervisor's approval) and reopening are the supervisor's. Send the case's {@code ETag} as
 * {@code If-Match} to refuse a stale move (412).
 */
@Tag(name = "Workflow", description = "The case's steps from intake to closure, and reopening by the supervisor")
@IdempotentPost
@Path("/api/v1/cases/{id}/status")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @Inject
    Workflow workflow;

    @Inject
    CurrentCaller caller;

    public record MoveRequest(@NotNull CaseStatus status, @Size(max = 500) String reason) {
    }

    @POST
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    @Operation(operationId = "moveCaseStatus", summary = "Move a case through the workflow",
            description = "One step forward at a time (409 otherwise). Closing and reopening are the supervisor's; a "
            + "reopening needs a reason, stored encrypted. Send the case's ETag as If-Match to refuse a stale "
            + "move (412).")
    public Response move(@PathParam("id") UUID id, @NotNull @Valid MoveRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        SurvivorCase moved = workflow.move(who, AccessScope.ownCell(who), id, request.status(), request.reason(),
                version(ifMatch));
        return Response.ok(CaseView.of(moved, workflow.reopenings(who, moved.id))).tag(new EntityTag(Long.toString(moved.version))).build();
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.VALIDATION, "If-Match must be an ETag of this case");
        }
    }
}
