package org.arcc.cases.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.arcc.cases.service.IdentityRecords;
import org.arcc.cases.service.Purpose;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.common.problem.Problem;
import org.arcc.vocabulary.Role;

/**
 * The one place a survivor's identity enters or leaves the platform. Reads need a declared purpose
 * ({@code X-Access-Purpose}); every access is audited; erasure destroys the key.
 */
@Tag(name = "Identity", description = "The survivor's identity, encrypted and read only for a declared purpose; lookup by CNIC; erasure")
@Path("/api/v1/cases/{id}/identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdentityResource {

    @Inject
    IdentityRecords identities;

    @Inject
    CurrentCaller caller;

    @PUT
    // Success has no body, so a generated client accepts only the problem type; that must not be a 406.
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "recordIdentity", summary = "Record the survivor's identity",
            description = "Name, CNIC, phone, address and guardian, each field encrypted under the case's own key; replaces"
            + " what was recorded. Audited.")
    public Response write(@PathParam("id") UUID id, @NotNull @Valid IdentityRequest request) {
        Caller who = caller.get();
        identities.write(who, AccessScope.ownCell(who), id, request.toIdentity());
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER, Role.LEGAL_OFFICER, Role.PLATFORM_ADMIN })
    @APIResponseSchema(value = IdentityRequest.class, responseCode = "200")
    @Operation(operationId = "readIdentity", summary = "Read the survivor's identity",
            description = "Requires X-Access-Purpose; every read is audited with its purpose. Answers 410 once the identity"
            + " was erased.")
    public Response read(@PathParam("id") UUID id, @HeaderParam(Purpose.HEADER) String purpose,
            @HeaderParam(AccessScope.REASON_HEADER) String reason) {
        Caller who = caller.get();
        Purpose why = Purpose.parse(purpose);
        IdentityRecords.Identity identity = identities.read(who, AccessScope.of(who, reason), id, why);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.ok(IdentityRequest.of(identity)).cacheControl(noStore).build();
    }

    @DELETE
    // Success has no body, so a generated client accepts only the problem type; that must not be a 406.
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @RolesAllowed({ Role.CELL_SUPERVISOR })
    @Operation(operationId = "eraseIdentity", summary = "Erase the survivor's identity",
            description = "Crypto-shredding: the data key is destroyed and later reads answer 410. Audited; publishes "
            + "arcc.case.identity-erased.v1.")
    public Response erase(@PathParam("id") UUID id) {
        Caller who = caller.get();
        identities.erase(who, AccessScope.ownCell(who), id);
        return Response.noContent().build();
    }
}
