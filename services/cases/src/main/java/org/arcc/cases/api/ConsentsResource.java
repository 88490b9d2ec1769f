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
import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.consent.ConsentRules;
import org.arcc.cases.domain.ConsentGiver;
import org.arcc.cases.domain.ConsentPurpose;
import org.arcc.cases.service.Consents;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;

/** Consent per purpose, given by the survivor or a guardian, and its withdrawal. */
@Tag(name = "Consent", description = "The survivor's (or guardian's) consent per purpose: given, withdrawn, and what each allows")
@IdempotentPost
@Path("/api/v1/cases/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentsResource {

    @Inject
    Consents consents;

    @Inject
    CurrentCaller caller;

    public record GiveConsentRequest(@NotNull ConsentPurpose purpose, @NotNull ConsentGiver givenBy, Boolean childAssent,
            @Pattern(regexp = "^[a-z0-9-]{2,64}$", message = "must be a partner id") String recipient) {
    }

    public record ConsentView(UUID id, String purpose, String recipient, String givenBy, Boolean childAssent,
            Instant givenAt, Instant withdrawnAt, boolean active) {
        static ConsentView of(Consent c) {
            return new ConsentView(c.id, c.purpose.name(), c.recipient, c.givenBy.name(), c.childAssent, c.givenAt,
                    c.withdrawnAt, c.active());
        }
    }

    @POST
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER })
    @APIResponseSchema(value = ConsentsResource.ConsentView.class, responseCode = "201")
    @Operation(operationId = "giveConsent", summary = "Record a consent",
            description = "Consent for one purpose, given by the survivor or, for a child, a guardian with the child's "
            + "assent under the configured age rules. A SHARING consent names its recipient partner. Publishes "
            + "arcc.case.consent-given.v1.")
    public Response give(@PathParam("id") UUID id, @NotNull @Valid GiveConsentRequest request) {
        Caller who = caller.get();
        Consent consent = consents.give(who, AccessScope.ownCell(who), id, new ConsentRules.Give(request.purpose(),
                request.givenBy(), request.childAssent(), request.recipient()));
        return Response.created(URI.create("/api/v1/cases/" + id + "/consents/" + consent.id))
                .entity(ConsentView.of(consent)).build();
    }

    @GET
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER })
    @Operation(operationId = "listConsents", summary = "List a case's consents",
            description = "Every consent of the case, withdrawn ones included and marked.")
    public List<ConsentView> list(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return consents.list(who, AccessScope.ownCell(who), id).stream().map(ConsentView::of).toList();
    }

    @POST
    @Path("/{consentId}/withdrawal")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "withdrawConsent", summary = "Withdraw a consent",
            description = "Recorded and published (arcc.case.consent-withdrawn.v1) so that what it allowed stops; "
            + "withdrawing a SHARING consent withdraws the open onward referrals to that partner.")
    public ConsentView withdraw(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId) {
        Caller who = caller.get();
        return ConsentView.of(consents.withdraw(who, AccessScope.ownCell(who), id, consentId));
    }
}
