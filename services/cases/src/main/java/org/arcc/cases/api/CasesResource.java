package org.arcc.cases.api;

import org.arcc.common.idempotency.IdempotentPost;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.service.CaseIntake;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;

/**
 * Cases of the caller's own cell. A case of another cell answers 404, exactly like one that does not exist;
 * a platform administrator reaches it only with a stated reason in {@code X-Access-Reason}.
 */
@Tag(name = "Cases", description = "Intake of a survivor at a cell and the case it opens: classification, deadlines, workflow state")
@IdempotentPost
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CasesResource {

    @Inject
    CaseIntake intake;

    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = CaseView.class, responseCode = "201")
    @Operation(operationId = "openCase", summary = "Open a case",
            description = "Opens a case at the caller's cell with a pseudonymous reference such as KHI-2026-00042 and "
            + "publishes arcc.case.opened.v1 and, with the classification, arcc.case.opened.v2. Channel, age band and "
            + "arrival are required; sex/gender (NOT_STATED when left out), incident date (not after arrival; null when "
            + "unknown), GBVIMS incident type, legal sections (PPC_376, PECA_24, ...) and disability and vulnerability "
            + "flags are recorded when known. No identity here: it goes to the identity sub-resource.")
    public Response open(@NotNull @Valid OpenCaseRequest request) {
        SurvivorCase opened = intake.open(caller.get(), new CaseIntake.OpenCase(request.channel(), request.ageBand(),
                request.arrivedAt(), request.sexGender(), request.incidentDate(), request.incidentType(),
                request.legalSections(), request.disabilities(), request.vulnerabilities()));
        return Response.created(URI.create("/api/v1/cases/" + opened.id))
                .tag(new EntityTag(Long.toString(opened.version)))
                .entity(CaseView.of(opened, java.util.List.of()))
                .build();
    }

    public record CaseList(java.util.List<CaseView> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER })
    @Operation(operationId = "listCases", summary = "List the cell's cases",
            description = "The caller's cell's cases, newest first, paged (size up to 100) and filtered by status, channel,"
            + " GBVIMS incident type, opening date range and exam-deadline breach.")
    public CaseList list(@QueryParam("status") org.arcc.cases.domain.CaseStatus status,
            @QueryParam("channel") org.arcc.cases.domain.IntakeChannel channel,
            @QueryParam("incidentType") org.arcc.cases.domain.IncidentCategory incidentType,
            @QueryParam("openedFrom") java.time.Instant openedFrom, @QueryParam("openedTo") java.time.Instant openedTo,
            @QueryParam("examDeadlineBreached") @jakarta.validation.constraints.Pattern(regexp = "true|false",
                    message = "must be true or false") String examDeadlineBreached,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        CaseIntake.CasePage found = intake.list(caller.get(), new CaseIntake.CaseFilter(status, channel, openedFrom,
                openedTo, examDeadlineBreached == null ? null : Boolean.valueOf(examDeadlineBreached), incidentType),
                page, size);
        return new CaseList(found.items().stream().map(CaseView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER,
            Role.PLATFORM_ADMIN })
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    @Operation(operationId = "getCase", summary = "Read a case",
            description = "A case of the caller's cell, with its deadlines and reopenings; another cell's case answers 404."
            + " An administrator reaches any cell only with X-Access-Reason, audited and raised as an alert.")
    public Response get(@PathParam("id") UUID id, @HeaderParam(AccessScope.REASON_HEADER) String reason) {
        Caller who = caller.get();
        CaseIntake.CaseRead read = intake.read(who, AccessScope.of(who, reason), id);
        return Response.ok(CaseView.of(read.found(), read.reopenings()))
                .tag(new EntityTag(Long.toString(read.found().version))).build();
    }
}
