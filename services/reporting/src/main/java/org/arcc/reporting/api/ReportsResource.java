package org.arcc.reporting.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.common.security.CurrentCaller;
import org.arcc.reporting.service.Reports;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** De-identified figures per cell and month, protected against disclosure, as JSON or CSV. */
@Path("/api/v1/reports/tables")
@Tag(name = "Reports", description = "De-identified figures per cell and month with province, national, quarter and year totals; small counts and whatever would reveal them are suppressed")
public class ReportsResource {

    public static final String CSV = "text/csv";

    @Inject
    Reports reports;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ANALYST, Role.CELL_SUPERVISOR, Role.PLATFORM_ADMIN })
    @Operation(operationId = "listReportTables", summary = "List the tables the caller may read")
    public List<ReportViews.TableEntry> tables() {
        caller.get();
        return reports.tables().stream().map(ReportViews.TableEntry::of).toList();
    }

    @GET
    @Path("/{id}")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Role.ANALYST, Role.CELL_SUPERVISOR, Role.PLATFORM_ADMIN })
    @Operation(operationId = "getReportTable", summary = "Read one table's figures for a period (Accept: text/csv for a CSV file)")
    @APIResponseSchema(ReportViews.TableView.class)
    public Response table(@PathParam("id") String id,
            @Parameter(description = "First month, YYYY-MM", required = true) @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM", required = true) @QueryParam("to") String to,
            @Parameter(description = "Only the rows of this province (ISO 3166-2, e.g. PK-PB) and its cells") @QueryParam("province") String province,
            @Parameter(description = "Only the rows of this cell, e.g. KHI") @QueryParam("cell") String cell,
            @Parameter(description = "Only the rows of this category") @QueryParam("category") String category,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Reports.Result result = reports.table(caller.get(), new Reports.Request(id, from, to, province, cell, category));
        ReportViews.TableView view = ReportViews.TableView.of(result);
        if (wantsCsv(headers)) {
            return Response.ok(TableCsv.of(view), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + view.id() + "-" + view.from() + "-"
                            + view.to() + ".csv\"")
                    .build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON).build();
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }
}
