package org.arcc.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.restassured.path.json.JsonPath;

/** Reads figures through the reporting API, as the dashboard does. */
public final class ReportApi {

    public static final String TABLES = "/api/v1/reports/tables";

    private ReportApi() {
    }

    public static JsonPath table(String token, String table, String from, String to) {
        return given().auth().oauth2(token).queryParam("from", from).queryParam("to", to).get(TABLES + "/" + table)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The row of one figure. */
    public static Map<String, Object> row(JsonPath table, String geography, String period, String category) {
        List<Map<String, Object>> rows = table.getList("rows");
        return rows.stream().filter(r -> r.get("geography").equals(geography) && r.get("period").equals(period)
                && r.get("category").equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + geography + " " + period + " " + category));
    }

    /** What the figure shows ("7", "< 5", "50.0"). */
    public static String shown(String token, String table, String from, String to, String geography, String period,
            String category) {
        return (String) row(table(token, table, from, to), geography, period, category).get("display");
    }

    /** Waits until the figure shows {@code expected} (events are projected asynchronously). */
    public static void awaitShown(String token, String table, String from, String to, String geography, String period,
            String category, String expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> Objects.equals(shown(token, table, from, to, geography, period, category), expected));
    }
}
