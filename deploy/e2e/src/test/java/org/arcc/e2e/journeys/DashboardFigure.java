package org.arcc.e2e.journeys;

import static org.arcc.e2e.Gateway.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One figure of the government dashboard's source (the reporting API through the gateway): a table's category for
 * one cell and one month, as a given reader sees it. Every figure about a case counts in the cell and month of the
 * survivor's arrival (Pakistan time), and only while the case has consent to statistics (docs/reporting.md).
 */
record DashboardFigure(String table, String cell, YearMonth month, String category) {

    static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

    /** The figure of the month the survivor arrived in. */
    static DashboardFigure of(String table, String cell, Instant arrivedAt, String category) {
        return new DashboardFigure(table, cell, YearMonth.from(arrivedAt.atZone(PAKISTAN)), category);
    }

    /** What {@code reader} sees: a value, or suppressed ({@code value} null, {@code display} "< 5"). */
    Seen readAs(String reader) {
        List<Map<String, Object>> rows = as(reader).queryParam("from", month.toString()).queryParam("to", month.toString())
                .queryParam("cell", cell).queryParam("category", category)
                .when().get("/api/v1/reports/tables/" + table)
                .then().statusCode(200).extract().jsonPath().getList("rows");
        List<Map<String, Object>> mine = rows.stream().filter(r -> "CELL".equals(r.get("geographyLevel"))
                && "MONTH".equals(r.get("periodLevel")) && cell.equals(r.get("geography"))).toList();
        assertThat(mine).as(this + " as " + reader).hasSize(1);
        Map<String, Object> row = mine.get(0);
        return new Seen((Integer) row.get("value"), Boolean.TRUE.equals(row.get("suppressed")), (String) row.get("display"));
    }

    /** The exact count, as the cell's own supervisor reads it (reporting shows a supervisor its cell exactly). */
    int exactFor(String supervisor) {
        Seen seen = readAs(supervisor);
        assertThat(seen.suppressed()).as(this + " is exact for its own cell's supervisor " + supervisor).isFalse();
        return seen.value();
    }

    /** A figure as shown: a value or suppressed. */
    record Seen(Integer value, boolean suppressed, String display) {
    }
}
