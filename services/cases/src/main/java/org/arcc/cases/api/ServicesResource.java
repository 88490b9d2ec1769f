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
import org.arcc.cases.domain.ServiceDelivery;
import org.arcc.cases.domain.ServiceType;
import org.arcc.cases.service.ServiceRecords;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.common.security.CurrentCaller;
import org.arcc.vocabulary.Role;

/** Services given to the survivor under one roof. */
@Tag(name = "Services", description = "Services given to the survivor under one roof: medical, medico-legal, counselling, legal, shelter")
@IdempotentPost
@Path("/api/v1/cases/{id}/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServicesResource {

    @Inject
    ServiceRecords services;

    @Inject
    CurrentCaller caller;

    public record DeliverServiceRequest(@NotNull ServiceType service, @NotNull Instant deliveredAt,
            @Size(max = 4000) String notes) {
        @Override
        public String toString() {
            return "DeliverServiceRequest[" + service + ", notes redacted]";
        }
    }

    public record ServiceView(UUID id, String service, Instant deliveredAt, String deliveredByRole, String notes) {
    }

    @POST
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER })
    @APIResponseSchema(value = ServicesResource.ServiceView.class, responseCode = "201")
    @Operation(operationId = "recordService", summary = "Record a service given",
            description = "Each service by its profession (or the supervisor). The exam, evidence collection and FIR "
            + "assistance need their consent (422 otherwise). Notes are encrypted. A medico-legal exam after "
            + "the deadline publishes a breach.")
    public Response deliver(@PathParam("id") UUID id, @NotNull @Valid DeliverServiceRequest request) {
        Caller who = caller.get();
        ServiceDelivery delivery = services.deliver(who, AccessScope.ownCell(who), id,
                new ServiceRecords.DeliverService(request.service(), request.deliveredAt(), request.notes()));
        return Response.created(URI.create("/api/v1/cases/" + id + "/services/" + delivery.id))
                .entity(new ServiceView(delivery.id, delivery.service.name(), delivery.deliveredAt,
                        delivery.deliveredByRole, request.notes()))
                .build();
    }

    @GET
    @RolesAllowed({ Role.CASE_WORKER, Role.CELL_SUPERVISOR, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER })
    @Operation(operationId = "listServices", summary = "List the services given",
            description = "Services given to the survivor under one roof, with their notes.")
    public List<ServiceView> list(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return services.list(who, AccessScope.ownCell(who), id).stream()
                .map(d -> new ServiceView(d.record().id, d.record().service.name(), d.record().deliveredAt,
                        d.record().deliveredByRole, d.notes()))
                .toList();
    }
}
