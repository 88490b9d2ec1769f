package org.arcc.e2e.journeys;

import static org.arcc.e2e.Gateway.as;
import static org.arcc.e2e.journeys.JourneySteps.EVENTUALLY;
import static org.arcc.e2e.journeys.JourneySteps.consent;
import static org.arcc.e2e.journeys.JourneySteps.intake;
import static org.arcc.e2e.journeys.JourneySteps.openCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.local.PlatformUnderTest;
import org.arcc.testing.KafkaTopicReader;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Journey 6 (JOURNEYS.md), through the gateway with real Keycloak tokens: a trial ends in conviction under PPC 376
 * within four months (the outcome is recorded, a notice to the national sex offenders register is published as an
 * event, and the trial figure counts it); another trial passes four months without a verdict (a breach event, on
 * the dashboard). The cases arrived eight months ago, before the launcher's demo figures, so the cells' figures of
 * that month change only by what this journey does.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(6)
class ConvictionAndTheRegisterJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(DashboardFigure.PAKISTAN);

    @Test
    void aConvictionWithinFourMonthsIsRecordedNotifiedToTheRegisterAndCounted() throws Exception {
        Instant arrived = Instant.now().minus(Duration.ofDays(240));
        DashboardFigure withinFourMonths = DashboardFigure.of("justice-outcomes", "LHE-1", arrived, "CONCLUDED_WITHIN_4_MONTHS");
        DashboardFigure convicted = DashboardFigure.of("justice-outcomes", "LHE-1", arrived, "CONVICTED");
        int withinBefore = withinFourMonths.exactFor("lhe1.supervisor");
        int convictedBefore = convicted.exactFor("lhe1.supervisor");

        String caseId = legalFileOfANewCase("lhe1.caseworker", "LHE-1", "lhe1.legal", arrived);
        String courtCase = "SC-AR-E2E-" + Long.toString(System.nanoTime() % 1_000_000);
        as("lhe1.legal").body(Map.of("court", "Special Court (Anti-Rape), Lahore", "courtCaseNumber", courtCase,
                "judge", "Judge S. Butt", "inCamera", true, "reachedCourtOn", TODAY.minusMonths(3).toString()))
                .when().post("/api/v1/legal/files/" + caseId + "/trial")
                .then().statusCode(201).body("inCamera", equalTo(true));
        as("lhe1.legal").body(Map.of("outcome", "CONVICTED", "sections", List.of("PPC_376"), "sentence",
                "Imprisonment for life and a fine", "decidedOn", TODAY.toString()))
                .when().post("/api/v1/legal/files/" + caseId + "/verdict").then().statusCode(201);

        // The outcome is on the file; the four-month deadline was met.
        as("lhe1.legal").when().get("/api/v1/legal/files/" + caseId).then().statusCode(200)
                .body("stage", equalTo("DECIDED"))
                .body("deadlines.find { it.rule == 'TRIAL_CONCLUDED' }.status", equalTo("MET"));

        // The register's notice: the court's references and the scheduled section, nothing of the survivor or case.
        try (KafkaTopicReader legal = new KafkaTopicReader(PlatformUnderTest.kafkaBootstrap(), "arcc.legal.v1")) {
            ConsumerRecord<String, String> notice = legal.awaitRecord(r -> "arcc.legal.register-notice.v1".equals(
                    KafkaTopicReader.header(r, "ce_type")) && r.value().contains(courtCase), EVENTUALLY);
            JsonNode n = JSON.readTree(notice.value());
            assertThat(n.get("sections").get(0).asText()).isEqualTo("PPC_376");
            assertThat(n.get("convictedOn").asText()).isEqualTo(TODAY.toString());
            List<String> fields = new ArrayList<>();
            n.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("noticeId", "court", "courtCaseNumber", "sections", "convictedOn");
            assertThat(notice.key()).isNotEqualTo(caseId);
            assertThat(notice.value()).doesNotContain(caseId);
        }

        // The trial figure counts it, in the cell and month of arrival: exactly one more for the cell's supervisor.
        await().atMost(EVENTUALLY).until(() -> withinFourMonths.exactFor("lhe1.supervisor") == withinBefore + 1);
        assertThat(convicted.exactFor("lhe1.supervisor")).isEqualTo(convictedBefore + 1);
        assertSuppressedBelowK(withinFourMonths, withinBefore + 1);
    }

    @Test
    void aTrialPastFourMonthsWithoutAVerdictIsABreachOnTheDashboard() {
        Instant arrived = Instant.now().minus(Duration.ofDays(250));
        DashboardFigure breaches = DashboardFigure.of("deadline-breaches", "MUX", arrived, "TRIAL_CONCLUDED");
        int before = breaches.exactFor("mux.supervisor");

        String caseId = legalFileOfANewCase("mux.caseworker", "MUX", "mux.legal", arrived);
        as("mux.legal").body(Map.of("court", "Special Court (Anti-Rape), Multan", "courtCaseNumber",
                "SC-AR-E2E-" + Long.toString(System.nanoTime() % 1_000_000), "judge", "Judge N. Qureshi", "inCamera", true,
                "reachedCourtOn", TODAY.minusMonths(4).minusDays(5).toString()))
                .when().post("/api/v1/legal/files/" + caseId + "/trial").then().statusCode(201);

        // The deadline watcher finds it (nobody opens the file): overdue on the cell's list and on the file ...
        await().atMost(EVENTUALLY).untilAsserted(() -> as("mux.legal").queryParam("status", "overdue")
                .when().get("/api/v1/legal/deadlines").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.rule", hasItem("TRIAL_CONCLUDED")));
        as("mux.legal").when().get("/api/v1/legal/files/" + caseId).then().statusCode(200)
                .body("deadlines.find { it.rule == 'TRIAL_CONCLUDED' }.status", equalTo("OVERDUE"));
        // ... and its breach event reaches the dashboard: one more breach in the cell and month of arrival.
        await().atMost(EVENTUALLY).until(() -> breaches.exactFor("mux.supervisor") == before + 1);
        assertSuppressedBelowK(breaches, before + 1);
        // Nobody else's staff sees the file.
        as("lhe1.legal").when().get("/api/v1/legal/files/" + caseId).then().statusCode(404);
    }

    /**
     * A case opened with consent to a police report and to statistics, whose legal file legal-aid opened from the
     * case's event, with its FIR registered the day after arrival.
     */
    private static String legalFileOfANewCase(String caseWorker, String cell, String legalOfficer, Instant arrived) {
        String caseId = openCase(caseWorker, cell, intake("POLICE", "ADULT_18_24", arrived, "incidentType", "RAPE",
                "legalSections", List.of("PPC_376")));
        consent(caseWorker, caseId, "POLICE_REPORT", "SURVIVOR");
        consent(caseWorker, caseId, "STATISTICS", "SURVIVOR");
        String file = "/api/v1/legal/files/" + caseId;
        await().atMost(EVENTUALLY).until(() -> as(legalOfficer).when().get(file).statusCode() == 200);
        String station = as(legalOfficer).when().get("/api/v1/legal/police-stations").then().statusCode(200)
                .extract().path("find { it.district == '" + district(cell) + "' }.id");
        // Until the consent to a police report reaches legal-aid, the FIR is refused for the want of it.
        await().atMost(EVENTUALLY).until(() -> as(legalOfficer).body(Map.of("policeStation", station, "firNumber",
                "FIR-E2E-" + (System.nanoTime() % 100_000) + "/2026", "registeredAt",
                arrived.plus(Duration.ofDays(1)).toString(), "sections", List.of("PPC_376"), "officer", "SI Rukhsana Bibi"))
                .when().post(file + "/fir").statusCode(), status -> status != 422);
        as(legalOfficer).when().get(file).then().statusCode(200).body("stage", equalTo("FIR_REGISTERED"));
        return caseId;
    }

    private static String district(String cell) {
        return switch (cell) {
            case "LHE-1", "LHE-2" -> "Lahore";
            case "MUX" -> "Multan";
            case "KHI" -> "Karachi";
            case "RWP" -> "Rawalpindi";
            default -> "Islamabad";
        };
    }

    /** An analyst sees a figure under k (5) as suppressed, never its value. */
    static void assertSuppressedBelowK(DashboardFigure figure, int exact) {
        DashboardFigure.Seen analyst = figure.readAs("gov.analyst");
        if (exact < 5) {
            assertThat(analyst.suppressed()).as(figure + " = " + exact + " to the analyst").isTrue();
            assertThat(analyst.value()).isNull();
            assertThat(analyst.display()).isEqualTo("< 5");
        } else if (!analyst.suppressed()) {
            assertThat(analyst.value()).as(figure + " to the analyst").isEqualTo(exact);
        }
    }
}
