package org.arcc.cases.api;

import org.arcc.common.idempotency.IdempotentPost;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.IncidentCategory;
import org.arcc.cases.domain.Referral;
import org.arcc.cases.service.PartnerWebhooks;
import org.arcc.cases.domain.referral.ReferralRules;
import org.arcc.cases.service.Referrals;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.common.problem.Problem;
import org.arcc.vocabulary.Role;

/**
 * Referrals from partner NGOs: the partner submits and polls its own; the receiving cell accepts (a case
 * opens) or declines. Partners never see case contents. Webhook registration is an administrator's.
 */
@Tag(name = "Referrals", description = "Partner NGOs' referrals of survivors to a cell, the cell's decision and the partner's webhook")
@IdempotentPost
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralsResource {

    @Inject
    Referrals referrals;

    @Inject
    PartnerWebhooks webhooks;

    @Inject
    CurrentCaller caller;

    public record ReferralRequest(@NotNull @Pattern(regexp = "^[A-Z0-9-]{2,12}$", message = "must be a cell code") String cell,
            @NotNull AgeBand ageBand, @NotNull IncidentCategory incidentCategory,
            @NotNull @AssertTrue(message = "the survivor must have consented to the referral") Boolean consentAttested,
            @Pattern(regexp = "^[A-Za-z0-9-]{1,64}$", message = "must be the partner's own reference (letters, digits, '-')") String partnerReference) {
    }

    public record DeclineReferralRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record WebhookRequest(@NotNull @Pattern(regexp = "^https?://[^\\s]{3,490}$", message = "must be an http(s) URL") String url,
            @NotNull @Size(min = 32, max = 200, message = "must be 32 to 200 characters") String secret) {
        @Override
        public String toString() {
            return "WebhookRequest[secret redacted]";
        }
    }

    /** What a partner sees: status only. Cell staff also see the case it opened. */
    public record ReferralView(UUID id, String partnerReference, String cell, String ageBand, String incidentCategory,
            String status, Instant receivedAt, Instant decidedAt, UUID caseId) {
        static ReferralView of(Referral r, boolean staff) {
            return new ReferralView(r.id, r.partnerReference, r.cellCode, r.ageBand.name(), r.incidentCategory.name(),
                    r.status.name(), r.receivedAt, r.decidedAt, staff ? r.caseId : null);
        }
    }

    @POST
    @Path("/referrals")
    @RolesAllowed(Role.PARTNER_NGO)
    @APIResponseSchema(value = ReferralsResource.ReferralView.class, responseCode = "201")
    @Operation(operationId = "sendReferral", summary = "Refer a survivor to a cell (partner NGO)",
            description = "Codes and a consent attestation only, never identity. The status is pushed to the partner's "
            + "webhook and can be polled.")
    public Response refer(@NotNull @Valid ReferralRequest request) {
        Referral r = referrals.receive(caller.get(), new ReferralRules.Refer(request.cell(), request.ageBand(),
                request.incidentCategory(), request.consentAttested(), request.partnerReference()));
        return Response.created(URI.create("/api/v1/referrals/" + r.id)).entity(ReferralView.of(r, false)).build();
    }

    @GET
    @Path("/referrals")
    @RolesAllowed({ Role.PARTNER_NGO, Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "listReferrals", summary = "List referrals",
            description = "A partner sees its own referrals' status; cell staff see their cell's referrals.")
    public List<ReferralView> list() {
        Caller who = caller.get();
        return referrals.list(who).stream().map(r -> ReferralView.of(r, who.partner().isEmpty())).toList();
    }

    @GET
    @Path("/referrals/{id}")
    @RolesAllowed({ Role.PARTNER_NGO, Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "getReferral", summary = "Read a referral",
            description = "A partner reads its own referral's status (never the case); staff read their cell's.")
    public ReferralView get(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return ReferralView.of(referrals.find(who, id), who.partner().isEmpty());
    }

    @POST
    @Path("/referrals/{id}/acceptance")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "acceptReferral", summary = "Accept a referral",
            description = "The receiving cell accepts: a case opens, linked to the referral.")
    public ReferralView accept(@PathParam("id") UUID id) {
        return ReferralView.of(referrals.accept(caller.get(), id), true);
    }

    @POST
    @Path("/referrals/{id}/decline")
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "declineReferral", summary = "Decline a referral",
            description = "The receiving cell declines with a reason (kept in the service, not published).")
    public ReferralView decline(@PathParam("id") UUID id, @NotNull @Valid DeclineReferralRequest request) {
        return ReferralView.of(referrals.decline(caller.get(), id, request.reason()), true);
    }

    @PUT
    // Success has no body, so a generated client accepts only the problem type; that must not be a 406.
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Path("/partners/{partner}/webhook")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    @Operation(operationId = "registerPartnerWebhook", summary = "Register a partner's webhook",
            description = "Where a partner receives status changes, and the shared secret (stored encrypted) that signs "
            + "them.")
    public Response registerWebhook(@PathParam("partner") @Pattern(regexp = "^[a-z0-9-]{2,64}$") String partner,
            @NotNull @Valid WebhookRequest request) {
        webhooks.register(partner, request.url(), request.secret(), caller.get().subject());
        return Response.noContent().build();
    }
}
