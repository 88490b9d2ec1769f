package org.arcc.evidence.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.arcc.common.problem.ProblemException;
import org.arcc.evidence.service.SurvivorStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Public: a survivor checks where her evidence is with the one-time code she was given at collection, and
 * nothing else. Only the coarse stage is shown. The gateway rate-limits this route per client address.
 */
@Path("/api/v1/evidence/status")
@Produces(MediaType.APPLICATION_JSON)
public class SurvivorStatusResource {

    @Inject
    SurvivorStatus status;

    public record StatusView(String stage) {
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(operationId = "getSurvivorStatus", summary = "Coarse status of one item (collected / at lab / analysed / in court), by the survivor's code")
    public StatusView get(@PathParam("code") @Pattern(regexp = "^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$",
            message = "must be a status code like ABCD-EFGH-JKLM") String code) {
        return status.stageFor(code).map(StatusView::new)
                .orElseThrow(() -> ProblemException.notFound("No item for this code"));
    }
}
