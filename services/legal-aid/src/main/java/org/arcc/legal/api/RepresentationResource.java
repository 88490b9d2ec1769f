package org.arcc.legal.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.common.idempotency.IdempotentPost;
import org.arcc.common.security.CurrentCaller;
import org.arcc.legal.domain.Codes.RepresentationRole;
import org.arcc.legal.service.LegalFiles;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lawyers on the file: the survivor's legal-aid lawyer (from the panel), the special prosecutor, the accused's counsel. */
@IdempotentPost
@Tag(name = "Representation", description = "Lawyers assigned to the survivor, and whether they accepted the brief")
@Path("/api/v1/legal/files/{id}/representations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepresentationResource {

    @Inject
    LegalFiles files;

    @Inject
    CurrentCaller caller;

    /** {@code panelLawyer} for a LEGAL_AID_LAWYER; {@code lawyer} and {@code enrolment} for the other roles. */
    public record AssignRequest(@NotNull RepresentationRole role,
            @Pattern(regexp = Text.ID, message = Text.ID_MESSAGE) String panelLawyer,
            @Pattern(regexp = Text.NAME, message = Text.NAME_MESSAGE) String lawyer,
            @Pattern(regexp = Text.ENROLMENT, message = Text.ENROLMENT_MESSAGE) String enrolment,
            @NotNull LocalDate on) {
    }

    public record ResponseRequest(@NotNull Boolean accepted, @NotNull LocalDate on) {
    }

    @POST
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = FileView.RepresentationView.class, responseCode = "201")
    @Operation(operationId = "assignLawyer", summary = "Assign a lawyer (a new legal-aid lawyer or prosecutor replaces the one standing; a lawyer of the accused is refused)")
    public Response assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest r) {
        var done = files.assignLawyer(caller.get(), id, r.role(), r.panelLawyer(), r.lawyer(), r.enrolment(), r.on());
        return Response.created(URI.create("/api/v1/legal/files/" + id))
                .entity(FileView.RepresentationView.of(done.assigned())).build();
    }

    @POST
    @Path("/{representationId}/response")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "respondToAssignment", summary = "Record that the assigned lawyer accepted or declined the brief")
    public FileView.RepresentationView respond(@PathParam("id") UUID id,
            @PathParam("representationId") UUID representationId, @NotNull @Valid ResponseRequest r) {
        return FileView.RepresentationView.of(files.lawyerResponded(caller.get(), id, representationId, r.accepted(),
                r.on()).representation());
    }
}
