package org.arcc.reporting.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.arcc.reporting.domain.Figure;
import org.arcc.reporting.domain.ReportTable;
import org.arcc.reporting.service.Rebuilds;
import org.arcc.reporting.service.Reports;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the reporting API answers with (the contract the dashboard reads, docs/reporting.md). */
public final class ReportViews {

    private ReportViews() {
    }

    @Schema(description = "A table the caller may read")
    public record TableEntry(String id, String title, String category, List<String> categories) {

        static TableEntry of(ReportTable table) {
            return new TableEntry(table.id(), table.title(), table.category(), table.categories());
        }
    }

    @Schema(description = "One figure. A suppressed figure has no value and shows \"< k\"; it never says why it was suppressed.")
    public record Row(String geography,
            @Schema(enumeration = { "CELL", "PROVINCE", "NATIONAL" }) String geographyLevel,
            String period,
            @Schema(enumeration = { "MONTH", "QUARTER", "YEAR" }) String periodLevel,
            String category,
            @Schema(nullable = true, description = "The count, percentage or hours; null when suppressed") Number value,
            boolean suppressed,
            @Schema(description = "The value as text, or \"< k\"") String display,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(enumeration = { "PERCENT", "HOURS" }, description = "Present on derived figures only") String unit) {

        static Row of(Figure f) {
            return new Row(f.geography(), f.geographyLevel().name(), f.period(), f.periodLevel().name(), f.category(),
                    f.value(), f.suppressed(), f.display(), f.unit() == null ? null : f.unit().name());
        }
    }

    @Schema(description = "The figures of one table for a period")
    public record TableView(String id, String title, int k, String from, String to,
            @Schema(nullable = true, description = "The cell whose figures are exact for the caller (a cell supervisor's own), else null") String exactFor,
            List<Row> rows) {

        static TableView of(Reports.Result result) {
            return new TableView(result.table().id(), result.table().title(), result.k(),
                    result.periods().from().toString(), result.periods().to().toString(), result.exactFor(),
                    result.figures().stream().map(Row::of).toList());
        }
    }

    @Schema(description = "A rebuild of the projections from the event history")
    public record RebuildView(UUID id, @Schema(enumeration = { "RUNNING", "DONE", "FAILED" }) String state,
            Instant startedAt, @Schema(nullable = true) Instant finishedAt, long eventsReplayed) {

        static RebuildView of(Rebuilds.Rebuild r) {
            return new RebuildView(r.id(), r.state().name(), r.startedAt(), r.finishedAt(), r.eventsReplayed());
        }
    }

    @Schema(description = "A DHIS2 data value set")
    public record DataValueSet(List<DataValue> dataValues) {
    }

    @Schema(description = "One DHIS2 data value; suppressed figures are left out, never sent as 0")
    public record DataValue(String dataSet, String period, String orgUnit, String dataElement,
            String categoryOptionCombo, String value) {
    }
}
