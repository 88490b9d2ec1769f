package org.arcc.evidence.api;

import org.arcc.common.idempotency.IdempotentPost;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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

import org.arcc.common.security.CurrentCaller;
import org.arcc.custody.CustodyBundles;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.CustodyEntryRow;
import org.arcc.evidence.domain.Holder;
import org.arcc.evidence.domain.custody.CustodyStep;
import org.arcc.evidence.service.Bundles;
import org.arcc.evidence.service.CustodyRecords;
import org.arcc.evidence.service.ItemAccess;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An item's custody log: append a step (there is no update and no delete, by design and by test), read
 * the log, take the verifiable bundle, or the report for court.
 */
@IdempotentPost
@Tag(name = "Custody", description = "An item's chain of custody: steps recorded by its holder, the log, the bundle a court verifies offline and the court report")
@Path("/api/v1/evidence/items/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustodyResource {

    @Inject
    CustodyRecords records;

    @Inject
    Bundles bundles;

    @Inject
    ItemAccess access;

    @Inject
    CurrentCaller caller;

    public record CustodyStepRequest(@NotNull CustodyAction action,
            @Pattern(regexp = Holder.PATTERN, message = "must be cell:<CODE> or custodian:<id>") String to,
            @Size(max = 120) String courier, @Size(min = 1, max = 40) String sealNumber, Boolean sealIntact,
            @Size(max = 300) String condition, @Size(max = 200) String location,
            @Size(max = 200) String storageConditions, @Size(max = 120) String resultReference,
            @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be a lowercase hex SHA-256") String resultDocumentSha256,
            @Size(max = 200) String court, @Size(max = 120) String courtReference, Instant at) {
    }

    @POST
    @Path("/custody")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.EVIDENCE_CUSTODIAN })
    @APIResponseSchema(value = EntryView.class, responseCode = "201")
    @Operation(operationId = "recordCustodyStep", summary = "Record a custody step (only the holder; a receipt only by the addressee of the open handover)")
    public Response record(@PathParam("id") UUID id, @NotNull @Valid CustodyStepRequest r) {
        CustodyEntryRow row = records.record(caller.get(), id, CustodyStep.of(r.action(), r.to(), r.courier(),
                r.sealNumber(), r.sealIntact(), r.condition(), r.location(), r.storageConditions(),
                r.resultReference(), r.resultDocumentSha256(), r.court(), r.courtReference()), r.at());
        return Response.created(URI.create("/api/v1/evidence/items/" + id + "/custody/" + row.sequence))
                .entity(EntryView.of(row)).build();
    }

    @GET
    @Path("/custody")
    @Transactional
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER, Role.EVIDENCE_CUSTODIAN })
    @Operation(operationId = "getCustodyLog", summary = "Read the item's custody log, in log order")
    public List<EntryView> log(@PathParam("id") UUID id) {
        access.visible(caller.get(), id);
        return CustodyEntryRow.ofItem(id).stream().map(EntryView::of).toList();
    }

    @GET
    @Path("/bundle")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER, Role.EVIDENCE_CUSTODIAN })
    @APIResponse(responseCode = "200", description = "The item's custody bundle (format arcc-custody-bundle/1, docs/custody.md)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "An arcc-custody-bundle/1 document: entries, inclusion and consistency proofs, the signed checkpoint")))
    @Operation(operationId = "getCustodyBundle", summary = "The item's custody bundle for offline verification (entries, proofs, signed checkpoint, public key)")
    public Response bundle(@PathParam("id") UUID id, @QueryParam("knownTreeSize") @Min(1) Long knownTreeSize) {
        String json = CustodyBundles.toJson(bundles.of(caller.get(), id, knownTreeSize));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"custody-bundle-" + id + ".json\"").build();
    }

    @GET
    @Path("/custody-report")
    @Produces("text/markdown")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER, Role.EVIDENCE_CUSTODIAN })
    @Operation(operationId = "getCustodyReport", summary = "A custody report for court, rendered from the verified bundle")
    public String report(@PathParam("id") UUID id) {
        return bundles.report(caller.get(), id);
    }
}
