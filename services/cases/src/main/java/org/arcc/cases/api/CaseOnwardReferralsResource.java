package org.arcc.cases.api;

import org.arcc.common.idempotency.IdempotentPost;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.arcc.cases.domain.Disability;
import org.arcc.cases.domain.OnwardReferral;
import org.arcc.cases.domain.SexGender;
import org.arcc.cases.domain.referral.OnwardReferralRules;
import org.arcc.cases.service.OnwardReferrals;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;

/**
 * Onward referrals of one case to partner NGOs (shelter, livelihood, counselling, ...): made by the case's cell
 * only under the survivor's SHARING consent naming that partner ({@code 422 consent-required} otherwise).
 */
@Tag(name = "Onward referrals", description = "Referrals from a cell to a partner NGO, with the minimum data the survivor consented to share")
@IdempotentPost
@Path("/api/v1/cases/{id}/onward-referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseOnwardReferralsResource {

    @Inject
    OnwardReferrals onwardReferrals;

    @Inject
    CurrentCaller caller;

    public record OnwardReferralRequest(
            @NotNull @Pattern(regexp = "^[a-z0-9-]{2,64}$", message = "must be a partner id") String partner,
            @NotNull OnwardReferral.ServiceKind serviceKind, @NotNull OnwardReferral.Urgency urgency,
            @NotNull SexGender sexGender, @Size(max = 6) List<@NotNull Disability> disabilities,
            @Size(max = 500) String note) {
        @Override
        public String toString() {
            return "OnwardReferralRequest[" + partner + ", " + serviceKind + ", note redacted]";
        }
    }

    /** An onward referral as the referring cell's staff see it, the note included. */
    public record OnwardReferralView(UUID id, String partner, UUID consentId, String serviceKind, String urgency,
            String ageBand, String sexGender, List<String> disabilities, String contactReference, String status,
            String note, Instant madeAt, Instant acknowledgedAt, String declineReason, Instant withdrawnAt) {
        static OnwardReferralView of(OnwardReferrals.Referred referred) {
            OnwardReferral r = referred.record();
            return new OnwardReferralView(r.id, r.partner, r.consentId, r.serviceKind.name(), r.urgency.name(),
                    r.ageBand.name(), r.sexGender.name(), r.disabilityList().stream().map(Enum::name).toList(),
                    r.contactReference, r.status.name(), referred.note(), r.madeAt, r.acknowledgedAt,
                    r.declineReason == null ? null : r.declineReason.name(), r.withdrawnAt);
        }
    }

    @POST
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @APIResponseSchema(value = CaseOnwardReferralsResource.OnwardReferralView.class, responseCode = "201")
    @Operation(operationId = "makeOnwardReferral", summary = "Refer the survivor onward to a partner",
            description = "Shelter, livelihood, counselling and more, only with an active SHARING consent naming that "
            + "partner (422 otherwise). The partner gets the minimum; the note stays encrypted with the cell.")
    public Response refer(@PathParam("id") UUID id, @NotNull @Valid OnwardReferralRequest request) {
        Caller who = caller.get();
        OnwardReferrals.Referred made = onwardReferrals.refer(who, AccessScope.ownCell(who), id,
                new OnwardReferralRules.Refer(request.partner(), request.serviceKind(), request.urgency(),
                        request.sexGender(), request.disabilities(), request.note()));
        return Response.created(URI.create("/api/v1/cases/" + id + "/onward-referrals/" + made.record().id))
                .entity(OnwardReferralView.of(made)).build();
    }

    @GET
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER })
    @Operation(operationId = "listOnwardReferralsOfCase", summary = "List a case's onward referrals",
            description = "The case's onward referrals with their status and the cell's notes.")
    public List<OnwardReferralView> ofCase(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return onwardReferrals.ofCase(who, AccessScope.ownCell(who), id).stream().map(OnwardReferralView::of).toList();
    }

}
