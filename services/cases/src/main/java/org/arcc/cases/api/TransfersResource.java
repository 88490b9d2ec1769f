package org.arcc.cases.api;

import org.arcc.common.idempotency.IdempotentPost;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.arcc.cases.domain.CaseTransfer;
import org.arcc.cases.service.Transfers;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;

/**
 * Transfers between cells. The owning cell proposes ({@code POST /api/v1/cases/{id}/transfers}); the
 * receiving cell lists what waits for it and accepts or declines.
 */
@Tag(name = "Transfers", description = "Moving a case to another cell, proposed by its cell and decided by the receiving one")
@IdempotentPost
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransfersResource {

    @Inject
    Transfers transfers;

    @Inject
    CurrentCaller caller;

    public record ProposeTransferRequest(@NotNull @Pattern(regexp = "^[A-Z0-9-]{2,12}$", message = "must be a cell code") String toCell,
            @Size(max = 500) String reason) {
    }

    public record DeclineTransferRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record TransferView(UUID id, UUID caseId, String fromCell, String toCell, String status, Instant proposedAt,
            Instant decidedAt) {
        static TransferView of(CaseTransfer t) {
            return new TransferView(t.id, t.caseId, t.fromCell, t.toCell, t.status.name(), t.proposedAt, t.decidedAt);
        }
    }

    @POST
    @Path("/{id}/transfers")
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = TransfersResource.TransferView.class, responseCode = "201")
    @Operation(operationId = "proposeTransfer", summary = "Propose a transfer to another cell",
            description = "The owning cell proposes moving the case; publishes arcc.case.transfer-proposed.v1.")
    public Response propose(@PathParam("id") UUID id, @NotNull @Valid ProposeTransferRequest request) {
        Caller who = caller.get();
        CaseTransfer transfer = transfers.propose(who, AccessScope.ownCell(who), id, request.toCell(), request.reason());
        return Response.created(URI.create("/api/v1/cases/transfers/" + transfer.id)).entity(TransferView.of(transfer)).build();
    }

    @GET
    @Path("/transfers")
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "listTransfers", summary = "List the cell's transfers",
            description = "Transfers the caller's cell sent or received.")
    public List<TransferView> list() {
        return transfers.ofMyCell(caller.get()).stream().map(TransferView::of).toList();
    }

    @POST
    @Path("/transfers/{transferId}/acceptance")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "acceptTransfer", summary = "Accept a transfer",
            description = "The receiving cell accepts: the case and its visibility move to it.")
    public TransferView accept(@PathParam("transferId") UUID transferId) {
        return TransferView.of(transfers.accept(caller.get(), transferId));
    }

    @POST
    @Path("/transfers/{transferId}/decline")
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "declineTransfer", summary = "Decline a transfer",
            description = "The receiving cell declines with a reason; the case stays where it was.")
    public TransferView decline(@PathParam("transferId") UUID transferId, @NotNull @Valid DeclineTransferRequest request) {
        return TransferView.of(transfers.decline(caller.get(), transferId, request.reason()));
    }
}
