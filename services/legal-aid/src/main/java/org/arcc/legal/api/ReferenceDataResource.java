package org.arcc.legal.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.arcc.legal.service.ReferenceData;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reference data a legal file's forms choose from: police stations (for an FIR or a refusal), the districts'
 * Special Sexual Offences Investigation Units and the legal-aid panel. Read-only (a migration adds entries). The
 * legal officer and the supervisor choose from all three; a case worker, who goes with the survivor to the police,
 * may see the police stations too.
 */
@Tag(name = "Reference data", description = "Police stations, Special Sexual Offences Investigation Units and the legal-aid lawyers' panel")
@Path("/api/v1/legal")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {

    /** A district as the reference data spells it, e.g. Karachi. */
    static final String DISTRICT = "^[A-Za-z][A-Za-z .-]{1,59}$";
    static final String DISTRICT_MESSAGE = "must be a district name, e.g. Karachi";

    @Inject
    ReferenceData reference;

    public record PoliceStationView(String id, String name, String district) {
    }

    public record InvestigationUnitView(String id, String name, String district) {
    }

    /** A lawyer of the panel, by bar enrolment. */
    public record PanelLawyerView(String id, String name, String enrolment, String district) {
    }

    @GET
    @Path("/police-stations")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR, Role.CASE_WORKER })
    @Operation(operationId = "listPoliceStations", summary = "List the police stations, all or one district's")
    public List<PoliceStationView> policeStations(@QueryParam("district") @Parameter(description = "A district, e.g. Karachi; all districts when absent")
            @Pattern(regexp = DISTRICT, message = DISTRICT_MESSAGE) String district) {
        return reference.policeStations(district).stream().map(p -> new PoliceStationView(p.id, p.name, p.district))
                .toList();
    }

    @GET
    @Path("/investigation-units")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "listInvestigationUnits", summary = "List the Special Sexual Offences Investigation Units, all or one district's")
    public List<InvestigationUnitView> investigationUnits(@QueryParam("district") @Parameter(description = "A district, e.g. Karachi; all districts when absent")
            @Pattern(regexp = DISTRICT, message = DISTRICT_MESSAGE) String district) {
        return reference.investigationUnits(district).stream()
                .map(u -> new InvestigationUnitView(u.id, u.name, u.district)).toList();
    }

    @GET
    @Path("/lawyers")
    @RolesAllowed({ Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR })
    @Operation(operationId = "listPanelLawyers", summary = "List the active lawyers of the legal-aid panel, all or one district's")
    public List<PanelLawyerView> lawyers(@QueryParam("district") @Parameter(description = "A district, e.g. Karachi; all districts when absent")
            @Pattern(regexp = DISTRICT, message = DISTRICT_MESSAGE) String district) {
        return reference.panel(district).stream()
                .map(l -> new PanelLawyerView(l.id, l.name, l.enrolment, l.district)).toList();
    }
}
