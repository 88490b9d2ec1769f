package org.arcc.evidence.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.arcc.common.security.CurrentCaller;
import org.arcc.evidence.service.ItemAccess;
import org.arcc.evidence.service.LabDeadlines;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Kits by the number on their label, as a barcode scanner reads it. */
@Tag(name = "Kits", description = "Finding an item by the kit number scanned from its barcode")
@Path("/api/v1/evidence/kits")
@Produces(MediaType.APPLICATION_JSON)
public class KitsResource {

    @Inject
    ItemAccess access;

    @Inject
    LabDeadlines deadlines;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/{kitNumber}")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER, Role.EVIDENCE_CUSTODIAN })
    @Operation(operationId = "getKit", summary = "Find an item by its kit number (as scanned from the barcode)")
    public ItemView byKitNumber(@PathParam("kitNumber") @Pattern(regexp = "^[A-Z0-9-]{6,40}$",
            message = "must be a kit number") String kitNumber) {
        var item = access.visibleByKit(caller.get(), kitNumber);
        return ItemView.of(item, deadlines.breachedAt(item));
    }
}
