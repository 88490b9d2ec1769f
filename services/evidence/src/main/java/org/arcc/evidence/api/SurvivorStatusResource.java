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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public: a survivor checks where her evidence is with the one-time code she was given at collection, and
 * nothing else. Only the coarse stage is shown, and the case's coarse legal stage with its month. The gateway rate-limits this route per client address.
 */
@Tag(name = "Survivor status", description = "What a survivor may learn with the code she was given: the coarse status of an item and of the legal pathway, no identity")
@Path("/api/v1/evidence/status")
@Produces(MediaType.APPLICATION_JSON)
public class SurvivorStatusResource {

    @Inject
    SurvivorStatus status;

    /**
     * The item's coarse stage and, once an FIR is registered, the coarse legal stage of the case and the month it
     * was reached (null before).
     */
    public record StatusView(
            @Schema(enumeration = { "COLLECTED", "AT_LAB", "ANALYSED", "IN_COURT", "DISPOSED" }) String stage,
            @Schema(nullable = true, enumeration = { "FIR_REGISTERED", "UNDER_INVESTIGATION", "IN_COURT", "DECIDED" },
                    description = "Where the case stands on the justice pathway; null before an FIR is registered") String legalStage,
            @Schema(nullable = true, pattern = "^[0-9]{4}-[0-9]{2}$",
                    description = "The month (YYYY-MM) the case reached that legal stage; no finer date is given") String legalStageSince) {
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(operationId = "getSurvivorStatus", summary = "Coarse status of one item (collected / at lab / analysed / in court) and of its case's legal pathway, by the survivor's code")
    public StatusView get(@PathParam("code") @Pattern(regexp = "^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$",
            message = "must be a status code like ABCD-EFGH-JKLM") String code) {
        return status.statusFor(code).map(s -> new StatusView(s.stage(), s.legalStage(), s.legalStageSince()))
                .orElseThrow(() -> ProblemException.notFound("No item for this code"));
    }
}
