package org.arcc.cases.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.cases.domain.medicolegal.CheckFinding;
import org.arcc.cases.domain.medicolegal.MedicoLegalReport;
import org.arcc.cases.domain.medicolegal.ReportCheck;
import org.arcc.cases.domain.medicolegal.ReportContent;
import org.arcc.cases.domain.medicolegal.ReportVersionRecord;
import org.arcc.cases.service.MedicoLegalReports;
import org.arcc.common.idempotency.IdempotentPost;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A case's medico-legal report (docs/medico-legal.md): the examining medical officer drafts and signs it once the
 * checks pass; the cell supervisor reviews it, overrides a check with a reason and amends it; the legal officer reads
 * signed versions and downloads the PDF, whose hash anyone holding it can verify.
 */
@Tag(name = "Medico-legal report", description = "The structured medico-legal report of a case's examination: "
        + "drafted, checked, signed, amended only in the open, rendered as a court-ready PDF and verifiable by hash")
@IdempotentPost
@Path("/api/v1/cases/{id}/medico-legal-report")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MedicoLegalReportResource {

    @Inject
    MedicoLegalReports reports;

    @Inject
    CurrentCaller caller;

    /** One finding of a check, with what the check is for. */
    public record FindingView(ReportCheck check, String detail, String reason, String source, boolean overridable,
            boolean overridden) {
    }

    /** A supervisor's override, with its reason. */
    public record OverrideView(ReportCheck check, String reason, String by, Instant at) {
    }

    /**
     * The report's current version (for a legal officer: its newest signed version), and what the checks find on it.
     *
     * @param signable whether the officer may sign it now (a draft whose every finding is overridden)
     */
    public record ReportView(UUID caseId, int version, MedicoLegalReport.Status status, ReportContent content,
            List<FindingView> findings, boolean signable, List<OverrideView> overrides, String draftedBy,
            Instant updatedAt, String signedBy, String signedByRole, Instant signedAt, String amendmentReason,
            String canonicalSha256, String pdfSha256, Long auditSeq) {
    }

    /** A version in the report's history. */
    public record VersionView(int version, MedicoLegalReport.Status status, String signedBy, String signedByRole,
            Instant signedAt, String amendmentReason, List<ReportCheck> overriddenChecks, String canonicalSha256,
            String pdfSha256, Long auditSeq) {
    }

    /**
     * The answer to "is this the signed report?".
     *
     * @param matches              whether the hash is a signed version's PDF or canonical form
     * @param matched              PDF or CANONICAL_FORM, when it matches
     * @param recordedInAuditTrail whether the version's canonical SHA-256 is in the audit trail
     * @param latestSignedVersion  the newest signed version (a match on an older one means it was amended since)
     */
    public record VerificationView(String sha256, boolean matches, String matched, Integer version, Instant signedAt,
            Long auditSeq, boolean recordedInAuditTrail, int latestSignedVersion) {
    }

    public record OverrideRequest(@NotNull ReportCheck check,
            @NotBlank @Size(min = MedicoLegalReport.MIN_REASON, max = 2000) String reason) {
        @Override
        public String toString() {
            return "OverrideRequest[" + check + ", reason redacted]";
        }
    }

    public record AmendmentRequest(@NotBlank @Size(min = MedicoLegalReport.MIN_REASON, max = 2000) String reason,
            @NotNull @Valid ReportContent content) {
        @Override
        public String toString() {
            return "AmendmentRequest[redacted]";
        }
    }

    @PUT
    @RolesAllowed({ Role.MEDICAL_OFFICER })
    @Operation(operationId = "draftMedicoLegalReport", summary = "Write the draft medico-legal report",
            description = "Creates or replaces the draft and answers what the checks find. A signed report is not "
            + "drafted over (409): it is amended.")
    public ReportView draft(@PathParam("id") UUID id, @NotNull @Valid ReportContent content) {
        Caller who = caller.get();
        return view(reports.draft(who, AccessScope.ownCell(who), id, content));
    }

    @GET
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER })
    @Operation(operationId = "readMedicoLegalReport", summary = "Read the medico-legal report",
            description = "The current version and what the checks find on it; a legal officer reads the newest signed "
            + "version only (404 before signing). Every read is in the case's access history.")
    public ReportView read(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return view(reports.read(who, AccessScope.ownCell(who), id));
    }

    @GET
    @Path("/checks")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "checkMedicoLegalReport", summary = "List what the checks find",
            description = "Each finding with its check code, what is wrong, why it matters to a prosecutor and where "
            + "the rule comes from; empty when the report may be signed.")
    public List<FindingView> checks(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return view(reports.read(who, AccessScope.ownCell(who), id)).findings();
    }

    @POST
    @Path("/overrides")
    @RolesAllowed({ Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = ReportView.class, responseCode = "200")
    @Operation(operationId = "overrideMedicoLegalReportCheck", summary = "Override a check, with a reason",
            description = "The cell supervisor lets the draft be signed despite one check's finding; the reason is "
            + "recorded (encrypted) and printed on the signed report. A forbidden-test mention is never overridden, "
            + "and a check that finds nothing cannot be (409).")
    public Response override(@PathParam("id") UUID id, @NotNull @Valid OverrideRequest request) {
        Caller who = caller.get();
        return Response.ok(view(reports.override(who, AccessScope.ownCell(who), id, request.check(), request.reason())))
                .build();
    }

    @POST
    @Path("/signature")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Role.MEDICAL_OFFICER })
    @APIResponseSchema(value = ReportView.class, responseCode = "200")
    @Operation(operationId = "signMedicoLegalReport", summary = "Sign the medico-legal report",
            description = "Freezes the draft when every check passes or is overridden (409 lists the checks that "
            + "block it). The SHA-256 of its canonical form is appended to the audit trail and the PDF's hash "
            + "recorded; arcc.case.medico-legal-report-signed.v1 is published.")
    public Response sign(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return Response.ok(view(reports.sign(who, AccessScope.ownCell(who), id))).build();
    }

    @POST
    @Path("/amendments")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = ReportView.class, responseCode = "201")
    @Operation(operationId = "amendMedicoLegalReport", summary = "Correct a signed report by a new version",
            description = "By the officer who signed it or the cell supervisor, with a reason; the new version passes "
            + "the same checks and is signed at once. Every version stays readable.")
    public Response amend(@PathParam("id") UUID id, @NotNull @Valid AmendmentRequest request) {
        Caller who = caller.get();
        ReportView amended = view(reports.amend(who, AccessScope.ownCell(who), id, request.content(), request.reason()));
        return Response.status(Response.Status.CREATED).entity(amended).build();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER })
    @Operation(operationId = "listMedicoLegalReportVersions", summary = "List the report's versions",
            description = "Every version with who signed it when, the amendment reason and its hashes; a legal officer "
            + "sees signed versions only.")
    public List<VersionView> versions(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return reports.versions(who, AccessScope.ownCell(who), id).stream().map(s -> {
            MedicoLegalReport.Version v = s.version();
            ReportVersionRecord row = s.row();
            return new VersionView(v.number(), v.status(), v.signedBy(), row.signedByRole, v.signedAt(),
                    v.amendmentReason(), v.findingsAtSigning(), row.canonicalSha256, row.pdfSha256, row.auditSeq);
        }).toList();
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER })
    @APIResponse(responseCode = "200", description = "The signed version as PDF; its SHA-256 is in X-Content-SHA256",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "A PDF document")))
    @Operation(operationId = "downloadMedicoLegalReportPdf", summary = "Download the signed report as PDF",
            description = "The newest signed version, or ?version=N; the survivor is named by initials and the "
            + "amendment history is printed. The bytes are the same on every download: their SHA-256 is in "
            + "X-Content-SHA256 and in the version's record.")
    public Response pdf(@PathParam("id") UUID id, @QueryParam("version") @Min(1) @Max(1000) Integer version) {
        Caller who = caller.get();
        MedicoLegalReports.Pdf pdf = reports.pdf(who, AccessScope.ownCell(who), id, version);
        return Response.ok(pdf.bytes(), "application/pdf").header("X-Content-SHA256", pdf.sha256())
                .header("Content-Disposition", "attachment; filename=\"medico-legal-report-v" + pdf.version() + ".pdf\"")
                .build();
    }

    @GET
    @Path("/verification")
    @RolesAllowed({ Role.MEDICAL_OFFICER, Role.CELL_SUPERVISOR, Role.LEGAL_OFFICER })
    @Operation(operationId = "verifyMedicoLegalReport", summary = "Check a PDF's or canonical form's hash",
            description = "Whether a SHA-256 is that of a signed version's PDF or canonical form, which version, and "
            + "whether the signature is in the audit trail. An unknown hash answers matches=false.")
    public VerificationView verify(@PathParam("id") UUID id,
            @QueryParam("sha256") @NotNull @Pattern(regexp = "^[0-9a-fA-F]{64}$") String sha256) {
        Caller who = caller.get();
        MedicoLegalReports.Verification v = reports.verify(who, AccessScope.ownCell(who), id, sha256);
        return v.match().map(row -> new VerificationView(v.sha256(), true, v.pdf() ? "PDF" : "CANONICAL_FORM",
                row.version, row.signedAt, row.auditSeq, v.recordedInAuditTrail(), v.latestSignedVersion()))
                .orElse(new VerificationView(v.sha256(), false, null, null, null, null, false, v.latestSignedVersion()));
    }

    private static ReportView view(MedicoLegalReports.Read read) {
        MedicoLegalReport.Version v = read.current().version();
        ReportVersionRecord row = read.current().row();
        Set<ReportCheck> overridden = v.overridden();
        List<FindingView> findings = read.findings().stream().map(f -> finding(f, overridden)).toList();
        boolean signable = !v.signed() && findings.stream().allMatch(f -> f.overridden() && f.overridable());
        return new ReportView(read.caseId(), v.number(), v.status(), v.content(), findings, signable,
                v.overrides().stream().map(o -> new OverrideView(o.check(), o.reason(), o.by(), o.at())).toList(),
                v.draftedBy(), v.updatedAt(), v.signedBy(), row.signedByRole, v.signedAt(), v.amendmentReason(),
                row.canonicalSha256, row.pdfSha256, row.auditSeq);
    }

    private static FindingView finding(CheckFinding f, Set<ReportCheck> overridden) {
        return new FindingView(f.check(), f.detail(), f.check().reason(), f.check().source(), f.check().overridable(),
                overridden.contains(f.check()));
    }
}
