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
import org.arcc.common.security.CurrentCaller;
import org.arcc.legal.domain.Codes.AdjournmentReason;
import org.arcc.legal.domain.Codes.AppealBy;
import org.arcc.legal.domain.Codes.AppealOutcome;
import org.arcc.legal.domain.Codes.HearingOutcome;
import org.arcc.legal.domain.Codes.HearingPurpose;
import org.arcc.legal.domain.Codes.SoughtBy;
import org.arcc.legal.domain.Codes.VerdictOutcome;
import org.arcc.legal.domain.LegalFile;
import org.arcc.legal.service.LegalFiles;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The case in a special court: the trial, its hearing log, the verdict and appeals. */
@IdempotentPost
@Tag(name = "Trial", description = "The special court's trial: hearings, verdict, appeals")
@Path("/api/v1/legal/files/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrialResource {

    @Inject
    LegalFiles files;

    @Inject
    CurrentCaller caller;

    public record TrialRequest(@NotNull @Pattern(regexp = Text.COURT, message = Text.COURT_MESSAGE) String court,
            @NotNull @Pattern(regexp = Text.NUMBER, message = Text.NUMBER_MESSAGE) String courtCaseNumber,
            @Pattern(regexp = Text.NAME, message = Text.NAME_MESSAGE) String judge, @NotNull Boolean inCamera,
            @NotNull LocalDate reachedCourtOn, LocalDate schedulingCertificateOn) {
    }

    public record HearingRequest(@NotNull LocalDate on, @NotNull HearingPurpose purpose) {
    }

    /** {@code adjournmentReason} and {@code soughtBy} for ADJOURNED; {@code nextOn} sets the next hearing. */
    public record HearingOutcomeRequest(@NotNull HearingOutcome outcome, AdjournmentReason adjournmentReason,
            SoughtBy soughtBy, LocalDate nextOn, HearingPurpose nextPurpose) {
    }

    public record VerdictRequest(@NotNull VerdictOutcome outcome,
            @NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = Text.SECTION, message = Text.SECTION_MESSAGE) String> sections,
            @Pattern(regexp = Text.SENTENCE, message = Text.SENTENCE_MESSAGE) String sentence, @NotNull LocalDate decidedOn) {
    }

    public record AppealRequest(@NotNull AppealBy filedBy,
            @NotNull @Pattern(regexp = Text.COURT, message = Text.COURT_MESSAGE) String court, @NotNull LocalDate filedOn) {
    }

    public record AppealDecisionRequest(@NotNull AppealOutcome outcome, @NotNull LocalDate decidedOn) {
    }

    /** A hearing recorded, and the next one it set. */
    public record HearingRecordedView(FileView.HearingView hearing, FileView.HearingView next) {
    }

    @POST
    @Path("/trial")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = FileView.TrialView.class, responseCode = "201")
    @Operation(operationId = "openTrial", summary = "Record that the case reached a special court (court, case number, judge, in camera); the four-month trial period starts")
    public Response trial(@PathParam("id") UUID id, @NotNull @Valid TrialRequest r) {
        var done = files.openTrial(caller.get(), id, new LegalFile.TrialOpening(r.court(), r.courtCaseNumber(), r.judge(),
                r.inCamera(), r.reachedCourtOn(), r.schedulingCertificateOn()));
        return Response.created(URI.create("/api/v1/legal/files/" + id)).entity(FileView.TrialView.of(done.trial())).build();
    }

    @POST
    @Path("/hearings")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = FileView.HearingView.class, responseCode = "201")
    @Operation(operationId = "scheduleHearing", summary = "Add a hearing date set by the court to the hearing log")
    public Response hearing(@PathParam("id") UUID id, @NotNull @Valid HearingRequest r) {
        var done = files.scheduleHearing(caller.get(), id, r.on(), r.purpose());
        return Response.created(URI.create("/api/v1/legal/files/" + id)).entity(FileView.HearingView.of(done.hearing())).build();
    }

    @POST
    @Path("/hearings/{hearingId}/outcome")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "recordHearingOutcome", summary = "Record what happened at a hearing: held, adjourned (reason, who sought it, next date) or concluded")
    public HearingRecordedView outcome(@PathParam("id") UUID id, @PathParam("hearingId") UUID hearingId,
            @NotNull @Valid HearingOutcomeRequest r) {
        var done = files.recordHearingOutcome(caller.get(), id, hearingId, new LegalFile.HearingResult(r.outcome(),
                r.adjournmentReason(), r.soughtBy(), r.nextOn(), r.nextPurpose()));
        return new HearingRecordedView(FileView.HearingView.of(done.hearing()), FileView.HearingView.of(done.next()));
    }

    @POST
    @Path("/verdict")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = FileView.VerdictView.class, responseCode = "201")
    @Operation(operationId = "recordVerdict", summary = "Record the verdict (once); a conviction under a scheduled offence is notified to the sex offenders register")
    public Response verdict(@PathParam("id") UUID id, @NotNull @Valid VerdictRequest r) {
        var done = files.recordVerdict(caller.get(), id, new LegalFile.VerdictRecord(r.outcome(), r.sections(),
                r.sentence(), r.decidedOn()));
        return Response.created(URI.create("/api/v1/legal/files/" + id)).entity(FileView.VerdictView.of(done.verdict())).build();
    }

    @POST
    @Path("/appeals")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = FileView.AppealView.class, responseCode = "201")
    @Operation(operationId = "fileAppeal", summary = "Record an appeal filed against the verdict; it is due to be decided within the configured period")
    public Response appeal(@PathParam("id") UUID id, @NotNull @Valid AppealRequest r) {
        var done = files.fileAppeal(caller.get(), id, r.filedBy(), r.court(), r.filedOn());
        return Response.created(URI.create("/api/v1/legal/files/" + id)).entity(FileView.AppealView.of(done.appeal())).build();
    }

    @POST
    @Path("/appeals/{appealId}/decision")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "decideAppeal", summary = "Record the decision of an appeal")
    public FileView.AppealView decide(@PathParam("id") UUID id, @PathParam("appealId") UUID appealId,
            @NotNull @Valid AppealDecisionRequest r) {
        return FileView.AppealView.of(files.decideAppeal(caller.get(), id, appealId, r.outcome(), r.decidedOn()).appeal());
    }
}
