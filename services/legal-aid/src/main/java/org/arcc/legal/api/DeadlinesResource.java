package org.arcc.legal.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.arcc.common.security.CurrentCaller;
import org.arcc.legal.service.Deadlines;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cell's deadlines about to stall or already missed, for its legal officer and supervisor. */
@Tag(name = "Deadlines", description = "The cell's overdue and upcoming legal deadlines (FIR, investigation, trial, appeal)")
@Path("/api/v1/legal/deadlines")
@Produces(MediaType.APPLICATION_JSON)
public class DeadlinesResource {

    @Inject
    Deadlines deadlines;

    @Inject
    CurrentCaller caller;

    public record DeadlineEntry(UUID caseId, String caseReference, String rule, Instant dueAt, boolean statutory,
            String source, Instant breachedAt) {
    }

    @GET
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "listLegalDeadlines", summary = "List the cell's overdue or upcoming deadlines (status=overdue|upcoming), soonest first")
    public List<DeadlineEntry> list(@QueryParam("status") @NotNull @Pattern(regexp = "^(overdue|upcoming)$",
            message = "must be overdue or upcoming") String status) {
        return deadlines.ofCell(caller.get(), Deadlines.Status.valueOf(status.toUpperCase())).stream()
                .map(d -> new DeadlineEntry(d.caseId(), d.caseReference(), d.rule().name(), d.dueAt(), d.statutory(),
                        d.source(), d.breachedAt()))
                .toList();
    }
}
