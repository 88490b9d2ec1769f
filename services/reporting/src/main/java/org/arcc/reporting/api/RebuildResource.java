package org.arcc.reporting.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.common.idempotency.IdempotentPost;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.CurrentCaller;
import org.arcc.reporting.service.Rebuilds;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuilds the projections from the event history (platform administrators). */
@Path("/api/v1/reports/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@IdempotentPost
@Tag(name = "Rebuild", description = "Empty reporting's projections and replay every topic from the beginning; figures are refused until it is done")
public class RebuildResource {

    @Inject
    Rebuilds rebuilds;

    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed(Role.PLATFORM_ADMIN)
    @Operation(operationId = "startReportRebuild", summary = "Start a rebuild of the projections from every topic's beginning")
    @APIResponseSchema(value = ReportViews.RebuildView.class, responseCode = "202")
    public Response start() {
        Rebuilds.Rebuild rebuild = rebuilds.start(caller.get());
        return Response.accepted(ReportViews.RebuildView.of(rebuild)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    @Operation(operationId = "getReportRebuild", summary = "Read a rebuild's state and how many events it replayed")
    public ReportViews.RebuildView get(@PathParam("id") UUID id) {
        caller.get();
        return rebuilds.find(id).map(ReportViews.RebuildView::of)
                .orElseThrow(() -> ProblemException.notFound("Rebuild " + id));
    }
}
