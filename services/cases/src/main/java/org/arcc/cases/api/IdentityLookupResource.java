package org.arcc.cases.api;

import org.arcc.common.idempotency.IdempotentPost;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.arcc.cases.domain.Cnic;
import org.arcc.cases.service.IdentityRecords;
import org.arcc.cases.service.Purpose;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;

/**
 * Exact-match search by CNIC through the blind index, within the caller's cell. A POST, so that the CNIC
 * never appears in a URL, an access log or a proxy's cache.
 */
@Tag(name = "Identity", description = "The survivor's identity, encrypted and read only for a declared purpose; lookup by CNIC; erasure")
@IdempotentPost
@Path("/api/v1/cases/identity-lookups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdentityLookupResource {

    @Inject
    IdentityRecords identities;

    @Inject
    CurrentCaller caller;

    public record LookupRequest(@NotNull @Pattern(regexp = Cnic.FORMAT, message = Cnic.FORMAT_MESSAGE) String cnic) {
        @Override
        public String toString() {
            return "LookupRequest[redacted]";
        }
    }

    public record LookupMatch(UUID caseId, String reference, String cell) {
    }

    public record LookupResult(List<LookupMatch> matches) {
    }

    @POST
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "lookUpIdentity", summary = "Find the cell's cases by CNIC",
            description = "Exact match through a keyed blind index, within the caller's cell. The CNIC travels in the body,"
            + " never in a URL. Requires X-Access-Purpose; audited.")
    public LookupResult lookup(@NotNull @Valid LookupRequest request, @HeaderParam(Purpose.HEADER) String purpose) {
        Caller who = caller.get();
        return new LookupResult(identities.lookupByCnic(who, AccessScope.ownCell(who), request.cnic(),
                Purpose.parse(purpose)).stream().map(m -> new LookupMatch(m.caseId(), m.reference(), m.cell())).toList());
    }
}
