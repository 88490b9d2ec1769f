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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.arcc.cases.domain.Disability;
import org.arcc.cases.domain.OnwardReferral;
import org.arcc.cases.domain.SexGender;
import org.arcc.cases.service.OnwardReferrals;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;

/**
 * Onward referrals as the partner NGO sees them: its own only, with the minimum it needs to receive the
 * survivor (never the case); the partner accepts or declines each.
 */
@Tag(name = "Onward referrals", description = "Referrals from a cell to a partner NGO, with the minimum data the survivor consented to share")
@IdempotentPost
@Path("/api/v1/onward-referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OnwardReferralsResource {

    @Inject
    OnwardReferrals onwardReferrals;

    @Inject
    CurrentCaller caller;

    /** A partner's answer: {@code ACCEPTED}, or {@code DECLINED} with a reason code. */
    public record AcknowledgementRequest(@NotNull Decision decision, OnwardReferral.DeclineReason declineReason) {
        public enum Decision {
            ACCEPTED, DECLINED
        }
    }

    /**
     * What the partner sees: the minimum it needs to receive the survivor, and the cell to call back with the
     * contact reference. Never the case. Once withdrawn, the survivor's details are no longer shown.
     */
    public record PartnerOnwardReferralView(UUID id, String serviceKind, String urgency, String ageBand,
            String sexGender, List<String> disabilities, String referringCell, String contactReference, String status,
            Instant madeAt, Instant acknowledgedAt, String declineReason, Instant withdrawnAt) {
        static PartnerOnwardReferralView of(OnwardReferral r) {
            boolean shared = r.status != OnwardReferral.Status.WITHDRAWN;
            return new PartnerOnwardReferralView(r.id, r.serviceKind.name(), r.urgency.name(),
                    shared ? r.ageBand.name() : null, shared ? r.sexGender.name() : null,
                    shared ? r.disabilityList().stream().map(Enum::name).toList() : null, r.cellCode,
                    r.contactReference, r.status.name(), r.madeAt, r.acknowledgedAt,
                    r.declineReason == null ? null : r.declineReason.name(), r.withdrawnAt);
        }
    }

    @GET
    @RolesAllowed(Role.PARTNER_NGO)
    @Operation(operationId = "listPartnerOnwardReferrals", summary = "List the partner's onward referrals",
            description = "The calling partner's own onward referrals, with only what it needs to receive the survivor.")
    public List<PartnerOnwardReferralView> forPartner() {
        return onwardReferrals.forPartner(caller.get()).stream().map(PartnerOnwardReferralView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.PARTNER_NGO)
    @Operation(operationId = "getPartnerOnwardReferral", summary = "Read an onward referral (partner)",
            description = "One of the calling partner's onward referrals; another partner's answers 404.")
    public PartnerOnwardReferralView getForPartner(@PathParam("id") UUID id) {
        return PartnerOnwardReferralView.of(onwardReferrals.findForPartner(caller.get(), id));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed(Role.PARTNER_NGO)
    @Operation(operationId = "acknowledgeOnwardReferral", summary = "Accept or decline an onward referral (partner)",
            description = "The partner answers once: ACCEPTED, or DECLINED with a reason code.")
    public PartnerOnwardReferralView acknowledge(@PathParam("id") UUID id, @NotNull @Valid AcknowledgementRequest request) {
        return PartnerOnwardReferralView.of(onwardReferrals.acknowledge(caller.get(), id,
                OnwardReferral.Status.valueOf(request.decision().name()), request.declineReason()));
    }
}
