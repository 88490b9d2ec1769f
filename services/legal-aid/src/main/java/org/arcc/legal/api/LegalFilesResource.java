package org.arcc.legal.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.common.idempotency.IdempotentPost;
import org.arcc.common.security.CurrentCaller;
import org.arcc.common.problem.Problem;
import org.arcc.legal.domain.LegalFile;
import org.arcc.legal.service.LegalFiles;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A case's legal file, addressed by the case id: read whole by the cell's legal officer and supervisor, its coarse
 * stage by case workers and counsellors too. Another cell's file does not exist for the caller (404).
 */
@IdempotentPost
@Tag(name = "Legal files", description = "A case's legal file as a whole, its coarse stage, and the survivor's initials for court filings")
@Path("/api/v1/legal/files/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LegalFilesResource {

    @Inject
    LegalFiles files;

    @Inject
    CurrentCaller caller;

    /** The coarse stage: no names, no dates. */
    public record StageView(UUID caseId, String cell, String stage, boolean closed) {
    }

    public record InitialsRequest(@NotNull @Pattern(regexp = Text.INITIALS, message = Text.INITIALS_MESSAGE) String initials) {
    }

    @GET
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "getLegalFile", summary = "Read a case's legal file: FIR, investigation, lawyers, trial and hearings, verdict, appeals, deadlines and flags")
    public FileView get(@PathParam("id") UUID id) {
        return FileView.of(files.read(caller.get(), id));
    }

    @GET
    @Path("/stage")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR, Role.CASE_WORKER, Role.COUNSELLOR })
    @Operation(operationId = "getLegalStage", summary = "Read the coarse stage of a case's legal file (no FIR or court details)")
    public StageView stage(@PathParam("id") UUID id) {
        LegalFile file = files.stage(caller.get(), id);
        return new StageView(file.caseId, file.cellCode, file.stage().name(), file.isClosed());
    }

    @POST
    // Success has no body, so a generated client accepts only the problem type; that must not be a 406.
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Path("/initials")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "recordSurvivorInitials", summary = "Record the survivor's initials as court filings use them (stored encrypted)")
    public Response initials(@PathParam("id") UUID id, @NotNull @Valid InitialsRequest request) {
        files.setInitials(caller.get(), id, request.initials());
        return Response.noContent().build();
    }
}
