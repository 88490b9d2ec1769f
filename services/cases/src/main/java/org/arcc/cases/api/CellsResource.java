package org.arcc.cases.api;

import org.arcc.common.idempotency.IdempotentPost;
import java.time.Instant;
import java.util.List;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.cases.domain.Cell;
import org.arcc.cases.service.Cells;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The cells of the network: every platform role reads them (staff pick transfer targets, partners address
 * referrals, analysts label figures); only a platform administrator adds one.
 */
@Tag(name = "Cells", description = "The Anti-Rape Crisis Cells the platform connects")
@IdempotentPost
@Path("/api/v1/cells")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CellsResource {

    @Inject
    Cells cells;

    @Inject
    CurrentCaller caller;

    public record NewCell(
            @NotNull @Pattern(regexp = "^[A-Z0-9-]{2,12}$", message = "must be 2 to 12 capital letters, digits or hyphens")
            String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String city) {
    }

    /** A cell; {@code createdAt} is when it joined the platform. */
    public record CellView(String code, String name, String city, Instant createdAt) {
        static CellView of(Cell c) {
            return new CellView(c.code, c.name, c.city, c.createdAt);
        }
    }

    public record CellList(List<CellView> items) {
    }

    @GET
    @RolesAllowed({ Role.CASE_WORKER, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR,
            Role.EVIDENCE_CUSTODIAN, Role.PARTNER_NGO, Role.ANALYST, Role.PLATFORM_ADMIN })
    @Operation(operationId = "listCells", summary = "List the cells", description = "Every cell of the network by code, with its name and city.")
    public CellList list() {
        return new CellList(cells.all().stream().map(CellView::of).toList());
    }

    @POST
    @RolesAllowed(Role.PLATFORM_ADMIN)
    @APIResponseSchema(value = CellsResource.CellView.class, responseCode = "201")
    @Operation(operationId = "addCell", summary = "Add a cell",
            description = "A platform administrator adds a cell (code such as KHI or LHE-3, name, city); 409 if the code "
            + "exists. Its staff then need tokens whose cell claim names it.")
    public Response add(@NotNull @Valid NewCell request) {
        Cell added = cells.add(caller.get(), request.code(), request.name().strip(), request.city().strip());
        return Response.status(Response.Status.CREATED).entity(CellView.of(added)).build();
    }
}
