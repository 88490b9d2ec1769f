package org.arcc.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.arcc.common.security.CurrentCaller;
import org.arcc.reporting.service.Dhis2Export;
import org.arcc.reporting.service.Reports;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The figures as a DHIS2 data value set, for import into a health information system. */
@Path("/api/v1/reports/dhis2/dataValueSets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DHIS2", description = "Monthly cell figures as a DHIS2 dataValueSets document; suppressed figures are left out, never sent as 0")
public class Dhis2Resource {

    @Inject
    Reports reports;

    @Inject
    Dhis2Export export;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({ Role.ANALYST, Role.CELL_SUPERVISOR, Role.PLATFORM_ADMIN })
    @Operation(operationId = "getDhis2DataValueSets", summary = "Export the monthly cell figures of a period as DHIS2 data values")
    public ReportViews.DataValueSet dataValueSets(
            @Parameter(description = "First month, YYYY-MM", required = true) @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM", required = true) @QueryParam("to") String to) {
        return new ReportViews.DataValueSet(export.dataValues(reports.all(caller.get(), from, to)).stream()
                .map(v -> new ReportViews.DataValue(v.dataSet(), v.period(), v.orgUnit(), v.dataElement(),
                        v.categoryOptionCombo(), v.value()))
                .toList());
    }
}
