package org.arcc.legal.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.common.idempotency.IdempotentPost;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.CurrentCaller;
import org.arcc.legal.domain.Codes.TransferReason;
import org.arcc.legal.domain.InvestigationStep;
import org.arcc.legal.service.LegalFiles;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The investigation by the district's Special Sexual Offences Investigation Unit, and its steps. */
@IdempotentPost
@Tag(name = "Investigation", description = "The investigating unit and officer, and the steps of the investigation")
@Path("/api/v1/legal/files/{id}/investigation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvestigationResource {

    @Inject
    LegalFiles files;

    @Inject
    CurrentCaller caller;

    public record InvestigationRequest(@NotNull @Pattern(regexp = Text.ID, message = Text.ID_MESSAGE) String unit,
            @NotNull @Pattern(regexp = Text.NAME, message = Text.NAME_MESSAGE) String investigatingOfficer) {
    }

    public enum StepKind {
        S161_STATEMENT, S164_STATEMENT, DNA_REPORT, CHALLAN_SUBMITTED, SENIOR_OFFICER_REQUESTED
    }

    /**
     * One step: {@code femaleOfficerPresent} for S161_STATEMENT, {@code evidenceItemIds} for DNA_REPORT,
     * {@code reason} for SENIOR_OFFICER_REQUESTED.
     */
    public record StepRequest(@NotNull StepKind step, @NotNull LocalDate on, Boolean femaleOfficerPresent,
            @Size(max = 50) List<@NotNull UUID> evidenceItemIds, TransferReason reason) {
    }

    @POST
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = FileView.InvestigationView.class, responseCode = "201")
    @Operation(operationId = "startInvestigation", summary = "Record the investigating unit and officer (follows a registered FIR)")
    public Response start(@PathParam("id") UUID id, @NotNull @Valid InvestigationRequest r) {
        var done = files.startInvestigation(caller.get(), id, r.unit(), r.investigatingOfficer());
        return Response.created(URI.create("/api/v1/legal/files/" + id))
                .entity(FileView.InvestigationView.of(done.investigation())).build();
    }

    @POST
    @Path("/steps")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = FileView.InvestigationView.class, responseCode = "201")
    @Operation(operationId = "recordInvestigationStep", summary = "Record a step of the investigation: statements under s.161/s.164 CrPC, DNA report, report under s.173 CrPC, a request for a senior officer")
    public Response step(@PathParam("id") UUID id, @NotNull @Valid StepRequest r) {
        var done = files.recordInvestigationStep(caller.get(), id, toStep(r));
        return Response.created(URI.create("/api/v1/legal/files/" + id))
                .entity(FileView.InvestigationView.of(done.investigation())).build();
    }

    private static InvestigationStep toStep(StepRequest r) {
        boolean female = r.femaleOfficerPresent() != null;
        boolean items = r.evidenceItemIds() != null;
        boolean reason = r.reason() != null;
        InvestigationStep step = switch (r.step()) {
            case S161_STATEMENT -> female && !items && !reason
                    ? new InvestigationStep.Statement161(r.on(), r.femaleOfficerPresent()) : null;
            case S164_STATEMENT -> !female && !items && !reason ? new InvestigationStep.Statement164(r.on()) : null;
            case DNA_REPORT -> items && !r.evidenceItemIds().isEmpty() && !female && !reason
                    ? new InvestigationStep.DnaReport(r.on(), r.evidenceItemIds()) : null;
            case CHALLAN_SUBMITTED -> !female && !items && !reason ? new InvestigationStep.ChallanSubmitted(r.on()) : null;
            case SENIOR_OFFICER_REQUESTED -> reason && !female && !items
                    ? new InvestigationStep.SeniorOfficerRequested(r.on(), r.reason()) : null;
        };
        if (step == null) {
            throw new ProblemException(ProblemType.VALIDATION, r.step() + " takes on, plus femaleOfficerPresent for"
                    + " S161_STATEMENT, evidenceItemIds for DNA_REPORT or reason for SENIOR_OFFICER_REQUESTED, nothing else");
        }
        return step;
    }
}
