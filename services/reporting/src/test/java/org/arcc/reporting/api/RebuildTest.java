package org.arcc.reporting.api;

import static io.restassured.RestAssured.given;
import static org.arcc.reporting.ReportApi.awaitShown;
import static org.arcc.reporting.ReportApi.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arcc.reporting.PlatformEvents;
import org.arcc.reporting.PlatformEvents.Opened;
import org.arcc.reporting.ReportApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A platform administrator rebuilds the projections from every topic's beginning: the figures after the rebuild
 * equal those before, in every table. RWP and LHE-2 in 2025-06 belong to this class.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class RebuildTest {

    static final String FROM = "2025-04";
    static final String TO = "2025-06";

    @Test
    void figuresAfterARebuildEqualThoseBefore() {
        String analyst = Tokens.analyst();
        try (PlatformEvents events = new PlatformEvents()) {
            for (int i = 0; i < 7; i++) {
                Opened c = events.survivor(i < 5 ? "RWP" : "LHE-2", "2025-06").withStatisticsConsent()
                        .channel(i % 2 == 0 ? "POLICE" : "WALK_IN").open();
                events.serviceDelivered(c, "MEDICO_LEGAL_EXAM", i + 1);
                events.swabToLab(c, 10L * i);
                events.firRegistered(c, 6L * i);
                events.medicoLegalReportSigned(c, i + 1, i % 3 == 0 ? new String[] { "SIX_HOUR_LIMIT" } : new String[0]);
                if (i == 3) {
                    events.medicoLegalReportAmended(c, 2);
                }
                if (i == 1) {
                    events.consentWithdrawn(c, "STATISTICS", c.statisticsConsent());
                }
                if (i == 2) {
                    events.convicted(c, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 1));
                }
            }
        }
        String rwp = Tokens.supervisor("RWP");
        awaitShown(rwp, "survivors-by-age-band", FROM, TO, "RWP", "2025-06", "TOTAL", "4");
        awaitShown(rwp, "justice-outcomes", FROM, TO, "RWP", "2025-06", "FIR_REGISTERED", "4");
        awaitShown(Tokens.supervisor("LHE-2"), "evidence-turnaround", FROM, TO, "LHE-2", "2025-06", "SUBMITTED_TO_LAB", "2");
        awaitShown(rwp, "medico-legal-reports", FROM, TO, "RWP", "2025-06", "SIGNED", "4");
        awaitShown(rwp, "medico-legal-reports", FROM, TO, "RWP", "2025-06", "AMENDED", "1");
        Map<String, Object> before = everyTable(analyst);

        String admin = Tokens.platformAdmin();
        String id = given().auth().oauth2(admin).post("/api/v1/reports/rebuild").then().statusCode(202)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "DONE".equals(
                given().auth().oauth2(admin).get("/api/v1/reports/rebuild/" + id).then().statusCode(200).extract().path("state")));
        int replayed = given().auth().oauth2(admin).get("/api/v1/reports/rebuild/" + id).then().extract().path("eventsReplayed");
        assertThat(replayed).as("events replayed").isGreaterThanOrEqualTo(7 * 8 + 1);

        assertThat(everyTable(analyst)).isEqualTo(before);
        assertThat(shown(rwp, "medico-legal-reports", FROM, TO, "RWP", "2025-06", "SIGNED")).isEqualTo("4");
    }

    private static Map<String, Object> everyTable(String token) {
        Map<String, Object> tables = new LinkedHashMap<>();
        List<String> ids = given().auth().oauth2(token).get(ReportApi.TABLES).then().statusCode(200).extract()
                .jsonPath().getList("id", String.class);
        for (String table : ids) {
            tables.put(table, ReportApi.table(token, table, FROM, TO).getList("rows"));
        }
        return tables;
    }
}
