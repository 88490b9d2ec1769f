package org.arcc.reporting.api;

import static io.restassured.RestAssured.given;
import static org.arcc.reporting.ReportApi.awaitShown;
import static org.arcc.reporting.ReportApi.row;
import static org.arcc.reporting.ReportApi.shown;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.arcc.reporting.PlatformEvents;
import org.arcc.reporting.PlatformEvents.Opened;
import org.arcc.reporting.ReportApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Figures from events on the real broker, read through the API: counts per cell and month with their totals,
 * suppression for an analyst, exact own-cell figures for a cell supervisor, derived figures, CSV and DHIS2. The
 * months 2025-01 to 2025-03 belong to this class.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsResourceTest {

    static final String FROM = "2025-01";
    static final String TO = "2025-03";
    static final String AGE = "survivors-by-age-band";

    String analyst = Tokens.analyst();
    boolean seeded;

    @BeforeEach
    void sixAdultsAndTwoChildrenInKarachiFiveInMultanOneWithoutConsent() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        if (seeded) {
            return;
        }
        seeded = true;
        try (PlatformEvents events = new PlatformEvents()) {
            for (int i = 0; i < 6; i++) {
                Opened c = events.survivor("KHI", "2025-01").withStatisticsConsent().open();
                events.serviceDelivered(c, "MEDICO_LEGAL_EXAM", i < 5 ? 3 : 9);
                events.swabToLab(c, i < 5 ? 24 : 80);
                events.firRegistered(c, 12);
                if (i == 0) {
                    // Transferred to Lahore: it still counts where the survivor arrived.
                    events.transferred(c, "LHE-1");
                    events.convicted(c, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 1));
                }
            }
            for (int i = 0; i < 2; i++) {
                events.survivor("KHI", "2025-01").child().withStatisticsConsent().open();
            }
            for (int i = 0; i < 5; i++) {
                events.survivor("MUX", "2025-02").child().withStatisticsConsent().open();
            }
            events.survivor("KHI", "2025-01").open();
        }
        awaitShown(analyst, AGE, FROM, TO, "PK", "2025", "TOTAL", "13");
    }

    @Test
    void anAnalystSeesCountsPerCellAndMonthWithTotalsAndSmallCountsSuppressed() {
        JsonPath table = ReportApi.table(analyst, AGE, FROM, TO);
        assertThat(table.getString("id")).isEqualTo(AGE);
        assertThat(table.getInt("k")).isEqualTo(5);
        assertThat(table.getString("exactFor")).isNull();
        assertThat(row(table, "KHI", "2025-01", "ADULT_18_24")).containsEntry("value", 6).containsEntry("suppressed", false)
                .containsEntry("geographyLevel", "CELL").containsEntry("periodLevel", "MONTH").containsEntry("display", "6");
        assertThat(row(table, "KHI", "2025-01", "CHILD_12_17")).containsEntry("value", null)
                .containsEntry("suppressed", true).containsEntry("display", "< 5");
        assertThat(row(table, "MUX", "2025-02", "CHILD_12_17")).containsEntry("value", 5);
        assertThat(row(table, "PK-PB", "2025-Q1", "TOTAL")).containsEntry("value", 5)
                .containsEntry("geographyLevel", "PROVINCE").containsEntry("periodLevel", "QUARTER");
        assertThat(row(table, "KHI", "2025-01", "TOTAL")).as("the case without STATISTICS consent is not counted")
                .containsEntry("value", 8);
        assertThat(row(table, "LHE-1", "2025-01", "TOTAL")).as("a transfer does not move the count").containsEntry("value", 0);
        assertThat(row(table, "KHI", "2025-01", "TOTAL")).doesNotContainKey("unit");
    }

    @Test
    void aCellSupervisorSeesTheirOwnCellExactlyAndOthersProtected() {
        JsonPath own = ReportApi.table(Tokens.supervisor("KHI"), AGE, FROM, TO);
        assertThat(own.getString("exactFor")).isEqualTo("KHI");
        assertThat(row(own, "KHI", "2025-01", "CHILD_12_17")).containsEntry("value", 2).containsEntry("suppressed", false);

        JsonPath other = ReportApi.table(Tokens.supervisor("MUX"), AGE, FROM, TO);
        assertThat(row(other, "KHI", "2025-01", "CHILD_12_17")).containsEntry("suppressed", true);
    }

    @Test
    void deadlineComplianceCountsExamsWithin6HoursDnaWithin72HoursAndDerivedFigures() {
        JsonPath table = ReportApi.table(analyst, "deadline-compliance", FROM, TO);
        assertThat(row(table, "KHI", "2025-01", "EXAM_LATE")).containsEntry("suppressed", true);
        Map<String, Object> within = row(table, "KHI", "2025-01", "EXAM_WITHIN_6H");
        Map<String, Object> exams = row(table, "KHI", "2025-01", "EXAMS");
        Map<String, Object> share = row(table, "KHI", "2025-01", "EXAM_WITHIN_6H_SHARE");
        assertThat(share).containsEntry("unit", "PERCENT");
        // The share is published exactly when the two counts it is computed from are (it then tells nothing more).
        boolean countsPublished = !(Boolean) within.get("suppressed") && !(Boolean) exams.get("suppressed");
        assertThat(share.get("suppressed")).isEqualTo(!countsPublished);
        if (countsPublished) {
            assertThat(within).containsEntry("value", 5);
            assertThat(exams).containsEntry("value", 6);
            assertThat(share).containsEntry("display", "83.3");
        }
        Map<String, Object> median = row(table, "KHI", "2025-01", "EXAM_HOURS_MEDIAN");
        assertThat(median).containsEntry("unit", "HOURS");
        if (!(Boolean) exams.get("suppressed")) {
            assertThat(median).containsEntry("display", "3.0");
        }
        assertThat(row(table, "KHI", "2025-01", "DNA_TO_LAB_LATE")).containsEntry("suppressed", true);
        assertThat(row(table, "KHI", "2025-01", "FIR_WITHIN_24H")).containsEntry("value", 6);
        assertThat(row(table, "KHI", "2025-01", "FIR_WITHIN_24H_SHARE")).containsEntry("display", "100.0");
        assertThat(row(ReportApi.table(analyst, "justice-outcomes", FROM, TO), "KHI", "2025-01", "CONVICTED"))
                .containsEntry("suppressed", true);
    }

    @Test
    void filtersNarrowTheRowsWithoutChangingWhatIsSuppressed() {
        JsonPath khi = given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("cell", "KHI").queryParam("category", "CHILD_12_17").get(ReportApi.TABLES + "/" + AGE)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = khi.getList("rows");
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("geography")).isEqualTo("KHI");
            assertThat(r.get("category")).isEqualTo("CHILD_12_17");
        });
        assertThat(row(khi, "KHI", "2025-01", "CHILD_12_17")).containsEntry("suppressed", true);
        JsonPath punjab = given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("province", "PK-PB").get(ReportApi.TABLES + "/" + AGE).then().statusCode(200).extract().jsonPath();
        assertThat(punjab.getList("rows.geography", String.class)).containsOnly("PK-PB", "LHE-1", "LHE-2", "MUX", "RWP");
    }

    @Test
    void theTablesTheDashboardReliesOnAreListed() {
        List<String> ids = given().auth().oauth2(analyst).get(ReportApi.TABLES).then().statusCode(200).extract()
                .jsonPath().getList("id", String.class);
        assertThat(ids).contains("survivors-by-age-band", "survivors-by-sex-gender", "survivors-by-incident-type",
                "survivors-by-channel", "deadline-compliance", "evidence-turnaround", "justice-outcomes");
    }

    @Test
    void csvHasTheSameRowsWithSuppressedValuesShownAsLessThanK() {
        Response csv = given().auth().oauth2(analyst).accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                .get(ReportApi.TABLES + "/" + AGE);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"survivors-by-age-band-2025-01-2025-03.csv\"");
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(TableCsv.HEADER);
        assertThat(lines).contains("survivors-by-age-band,KHI,CELL,2025-01,MONTH,ADULT_18_24,6,,false",
                "survivors-by-age-band,KHI,CELL,2025-01,MONTH,CHILD_12_17,< 5,,true");
        assertThat(lines).hasSize(ReportApi.table(analyst, AGE, FROM, TO).getList("rows").size() + 1);
    }

    @Test
    void dhis2LeavesSuppressedValuesOutRatherThanSendingZero() {
        JsonPath set = given().auth().oauth2(analyst).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/reports/dhis2/dataValueSets").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> values = set.getList("dataValues");
        assertThat(values).contains(Map.of("dataSet", "ArccMonthly1", "period", "202501", "orgUnit", "ArccCellKHI",
                "dataElement", "ArccSurvAge", "categoryOptionCombo", "ArccAgeA1824", "value", "6"));
        assertThat(values).as("KHI's children in January are suppressed: absent, not 0")
                .noneMatch(v -> v.get("orgUnit").equals("ArccCellKHI") && v.get("period").equals("202501")
                        && v.get("categoryOptionCombo").equals("ArccAgeC1217"));
        assertThat(values).as("a true zero is sent").anyMatch(v -> v.get("orgUnit").equals("ArccCellISB")
                && v.get("period").equals("202501") && v.get("value").equals("0"));
    }

    @Test
    void figuresShowOnlyWhileTheProjectionHoldsNoIdentity() {
        assertThat(shown(analyst, AGE, FROM, TO, "KHI", "2025-01", "ADULT_18_24")).isEqualTo("6");
    }
}
