package org.arcc.legal.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.common.idempotency.IdempotentPost;
import org.arcc.common.security.CurrentCaller;
import org.arcc.legal.domain.Codes.FirRefusalReason;
import org.arcc.legal.domain.LegalFile;
import org.arcc.legal.service.LegalFiles;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The FIR: registered by the police, or refused (recorded with the reason, to be counted). */
@IdempotentPost
@Tag(name = "FIR", description = "The First Information Report: registered by the police, or refused")
@Path("/api/v1/legal/files/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FirResource {

    @Inject
    LegalFiles files;

    @Inject
    CurrentCaller caller;

    public record FirRequest(
            @NotNull @Pattern(regexp = Text.ID, message = Text.ID_MESSAGE) String policeStation,
            @NotNull @Pattern(regexp = Text.NUMBER, message = Text.NUMBER_MESSAGE) String firNumber,
            @NotNull Instant registeredAt,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = Text.SECTION, message = Text.SECTION_MESSAGE) String> sections,
            @NotNull @Pattern(regexp = Text.NAME, message = Text.NAME_MESSAGE) String officer) {
    }

    public record FirRefusalRequest(
            @NotNull @Pattern(regexp = Text.ID, message = Text.ID_MESSAGE) String policeStation,
            @NotNull Instant refusedAt, @NotNull FirRefusalReason reason,
            @NotNull @Pattern(regexp = Text.NAME, message = Text.NAME_MESSAGE) String refusedBy) {
    }

    @POST
    @Path("/fir")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = FileView.FirView.class, responseCode = "201")
    @Operation(operationId = "registerFir", summary = "Record the FIR registered by the police (needs the survivor's consent to a police report)")
    public Response register(@PathParam("id") UUID id, @NotNull @Valid FirRequest r) {
        var done = files.registerFir(caller.get(), id, new LegalFile.FirRegistration(r.policeStation(), r.firNumber(),
                r.registeredAt(), r.sections(), r.officer()));
        return Response.created(URI.create("/api/v1/legal/files/" + id)).entity(FileView.FirView.of(done.fir())).build();
    }

    @POST
    @Path("/fir-refusals")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = FileView.FirView.class, responseCode = "201")
    @Operation(operationId = "recordFirRefusal", summary = "Record that the police refused to register the FIR, with the reason and who refused")
    public Response refused(@PathParam("id") UUID id, @NotNull @Valid FirRefusalRequest r) {
        var done = files.recordFirRefusal(caller.get(), id, new LegalFile.FirRefusal(r.policeStation(), r.refusedAt(),
                r.reason(), r.refusedBy()));
        return Response.created(URI.create("/api/v1/legal/files/" + id)).entity(FileView.FirView.of(done.fir())).build();
    }
}
