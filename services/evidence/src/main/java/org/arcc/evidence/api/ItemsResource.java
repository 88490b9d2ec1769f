package org.arcc.evidence.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.ItemType;
import org.arcc.evidence.service.Disposals;
import org.arcc.evidence.service.EvidenceItems;
import org.arcc.evidence.service.ItemAccess;
import org.arcc.evidence.service.LabDeadlines;
import org.arcc.evidence.service.Registration;
import org.arcc.evidence.service.Roles;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evidence items: registered by the collecting cell, read by its staff and by the custodian holding them. */
@IdempotentPost
@Tag(name = "Evidence items", description = "Items collected for a case: registration (which opens the custody log), lists for cells and custodians, disposal")
@Path("/api/v1/evidence/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemsResource {

    @Inject
    EvidenceItems items;

    @Inject
    ItemAccess access;

    @Inject
    LabDeadlines deadlines;

    @Inject
    Disposals disposals;

    @Inject
    CurrentCaller caller;

    public record RegisterItemRequest(@NotNull UUID caseId, @NotNull ItemType type,
            @Pattern(regexp = "^[A-Z0-9-]{6,40}$", message = "must be 6-40 capital letters, digits or dashes") String kitNumber,
            @Size(min = 1, max = 40) String sealNumber, @NotNull Instant collectedAt,
            @Size(max = 200) List<@NotNull @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be a lowercase hex SHA-256") String> fileSha256s) {
    }

    /** The registered item, and the survivor's one-time status code: shown once, never stored in the clear. */
    public record RegisteredItem(ItemView item, String survivorCode) {
    }

    public record DisposalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = ItemsResource.RegisteredItem.class, responseCode = "201")
    @Operation(operationId = "registerItem", summary = "Register a collected item (opens its custody log with COLLECTED)")
    public Response register(@NotNull @Valid RegisterItemRequest r) {
        EvidenceItems.Registered registered = items.register(caller.get(),
                new Registration(r.caseId(), r.type(), r.kitNumber(), r.sealNumber(), r.collectedAt(), r.fileSha256s()));
        return Response.created(URI.create("/api/v1/evidence/items/" + registered.item().id))
                .entity(new RegisteredItem(view(registered.item()), registered.survivorCode())).build();
    }

    @GET
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER, Role.EVIDENCE_CUSTODIAN })
    @Operation(operationId = "listItems", summary = "List items: a case's items for its cell's staff (caseId), or what a custodian holds or has on its way")
    public List<ItemView> list(@QueryParam("caseId") UUID caseId) {
        Caller who = caller.get();
        List<EvidenceItem> found;
        if (who.hasRole(Roles.CUSTODIAN) && who.custodian().isPresent()) {
            found = items.forCustodian(ItemAccess.actingFor(who));
        } else {
            if (caseId == null) {
                throw new ProblemException(ProblemType.VALIDATION, "caseId is required");
            }
            found = items.ofCase(who, caseId);
        }
        return found.stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER, Role.EVIDENCE_CUSTODIAN })
    @Operation(operationId = "getItem", summary = "Read an item's current state")
    public ItemView get(@PathParam("id") UUID id) {
        return view(access.visible(caller.get(), id));
    }

    /**
     * The first path of {@code GET /api/v1/evidence/kits/{kitNumber}}, kept working for existing clients until
     * 2027-06-30 (docs/custody.md) but left out of the API document: beside {@code /items/{id}/…} it is ambiguous
     * ({@code /items/by-kit/custody} matches both), which breaks generated clients.
     */
    @Deprecated
    @GET
    @Path("/by-kit/{kitNumber}")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER, Role.EVIDENCE_CUSTODIAN })
    @Operation(hidden = true, operationId = "getItemByKitNumberDeprecated",
            summary = "Find an item by its kit number (deprecated: use GET /api/v1/evidence/kits/{kitNumber})")
    public ItemView byKit(@PathParam("kitNumber") @Pattern(regexp = "^[A-Z0-9-]{6,40}$",
            message = "must be a kit number") String kitNumber) {
        return view(access.visibleByKit(caller.get(), kitNumber));
    }

    @POST
    @Path("/{id}/disposal")
    @RolesAllowed(Role.CELL_SUPERVISOR)
    @Operation(operationId = "approveDisposal", summary = "Approve disposal after the retention period; publishes advance notice")
    public ItemView approveDisposal(@PathParam("id") UUID id, @NotNull @Valid DisposalRequest request) {
        return view(disposals.approve(caller.get(), id, request.reason()));
    }

    private ItemView view(EvidenceItem item) {
        return ItemView.of(item, deadlines.breachedAt(item));
    }
}
