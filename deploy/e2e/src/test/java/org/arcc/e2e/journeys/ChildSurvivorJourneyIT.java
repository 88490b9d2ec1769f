package org.arcc.e2e.journeys;

import static org.arcc.e2e.Gateway.PROBLEM;
import static org.arcc.e2e.Gateway.as;
import static org.arcc.e2e.journeys.JourneySteps.EVENTUALLY;
import static org.arcc.e2e.journeys.JourneySteps.consent;
import static org.arcc.e2e.journeys.JourneySteps.intake;
import static org.arcc.e2e.journeys.JourneySteps.kit;
import static org.arcc.e2e.journeys.JourneySteps.kitNumber;
import static org.arcc.e2e.journeys.JourneySteps.openCase;
import static org.arcc.e2e.journeys.JourneySteps.registerItem;
import static org.arcc.e2e.journeys.JourneySteps.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.local.PlatformUnderTest;
import org.arcc.testing.KafkaTopicReader;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 2 (JOURNEYS.md), through the gateway with real Keycloak tokens: a 9-year-old girl brought by police to
 * {@code MUX}. Her mother consents (her assent recorded); the exam at T+7h breaches the 6-hour limit, which is an
 * event, on the case and on the deadline-compliance figure; the DNA sample is not restricted; counselling is
 * recorded; her identity is readable only by the roles that need it, and every read is in the access history her
 * cell's supervisor reviews.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(2)
class ChildSurvivorJourneyIT {

    private static final String CHILD_NAME = "Zainab Bibi (e2e)";
    private static final String GUARDIAN_CNIC = "36302-1234567-8";
    private static final String GUARDIAN_PHONE = "+92 300 1234567";

    @Test
    void theLateExamIsABreachEverywhereAndHerIdentityIsReadOnlyByThoseWhoNeedItEachReadAudited() {
        Instant arrived = Instant.now().minus(Duration.ofHours(7));
        DashboardFigure examLate = DashboardFigure.of("deadline-compliance", "MUX", arrived, "EXAM_LATE");
        int lateBefore = examLate.exactFor("mux.supervisor");

        String caseId = openCase("mux.caseworker", "MUX", intake("POLICE", "CHILD_0_11", arrived, "sexGender", "FEMALE",
                "incidentType", "RAPE", "legalSections", List.of("PPC_376_3")));
        // A child does not consent herself: her guardian does, with her assent recorded.
        as("mux.caseworker").body(Map.of("purpose", "MEDICAL_EXAM", "givenBy", "SURVIVOR"))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(400).contentType(PROBLEM);
        for (String purpose : List.of("MEDICAL_EXAM", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING", "STATISTICS")) {
            consent("mux.caseworker", caseId, purpose, "GUARDIAN", "childAssent", true);
        }
        as("mux.caseworker").when().get("/api/v1/cases/" + caseId + "/consents").then().statusCode(200)
                .body("findAll { it.givenBy == 'GUARDIAN' && it.childAssent == true }.size()", equalTo(4));
        as("mux.caseworker").body(Map.of("name", CHILD_NAME, "guardian", Map.of("name", "Nasreen Bibi (e2e)",
                "relationship", "mother", "cnic", GUARDIAN_CNIC, "phone", GUARDIAN_PHONE)))
                .when().put("/api/v1/cases/" + caseId + "/identity").then().statusCode(204);

        // The exam at T+7h: past the 6-hour limit.
        service("mux.medical", caseId, "MEDICO_LEGAL_EXAM", Instant.now());
        as("mux.caseworker").when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("deadlines.find { it.deadline == 'MEDICO_LEGAL_EXAM' }.status", equalTo("BREACHED"));
        try (KafkaTopicReader cases = new KafkaTopicReader(PlatformUnderTest.kafkaBootstrap(), "arcc.cases.v1")) {
            ConsumerRecord<String, String> breach = cases.awaitRecord(r -> caseId.equals(r.key())
                    && "arcc.case.deadline-breached.v1".equals(KafkaTopicReader.header(r, "ce_type")), EVENTUALLY);
            assertThat(breach.value()).contains("MEDICO_LEGAL_EXAM").doesNotContain(CHILD_NAME)
                    .doesNotContain(GUARDIAN_CNIC);
        }
        await().atMost(EVENTUALLY).until(() -> examLate.exactFor("mux.supervisor") == lateBefore + 1);
        ConvictionAndTheRegisterJourneyIT.assertSuppressedBelowK(examLate, lateBefore + 1);

        // A DNA sample, not restricted: the guardian consented to testing.
        registerItem("mux.medical", kit(caseId, "DNA_REFERENCE_SAMPLE", kitNumber("MUX"), "MUX-SEAL-2", Instant.now()))
                .then().body("item.restricted", equalTo(false));
        service("mux.counsellor", caseId, "PSYCHOSOCIAL_COUNSELLING", Instant.now());

        identityOnlyForThoseWhoNeedItAndEveryReadAudited(caseId);
    }

    private static void identityOnlyForThoseWhoNeedItAndEveryReadAudited(String caseId) {
        String identity = "/api/v1/cases/" + caseId + "/identity";
        Map<String, String> readers = Map.of("mux.caseworker", "CARE", "mux.medical", "MEDICO_LEGAL",
                "mux.legal", "LEGAL_AID", "mux.supervisor", "SUPERVISION");
        readers.forEach((user, purpose) -> as(user).header("X-Access-Purpose", purpose).when().get(identity)
                .then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("name", equalTo(CHILD_NAME)).body("guardian.cnic", equalTo(GUARDIAN_CNIC)));
        // Without a purpose nobody reads it; a counsellor, an analyst and another cell's staff never do.
        as("mux.caseworker").when().get(identity).then().statusCode(400).contentType(PROBLEM);
        as("mux.counsellor").header("X-Access-Purpose", "CARE").when().get(identity).then().statusCode(403)
                .contentType(PROBLEM);
        as("gov.analyst").header("X-Access-Purpose", "CARE").when().get(identity).then().statusCode(403)
                .contentType(PROBLEM);
        as("lhe1.caseworker").header("X-Access-Purpose", "CARE").when().get(identity).then().statusCode(404)
                .contentType(PROBLEM);
        as("gov.analyst").when().get("/api/v1/cases/" + caseId).then().statusCode(403).contentType(PROBLEM);

        // The supervisor's review: every identity read, by whom (role) and why.
        List<Map<String, Object>> reads = as("mux.supervisor").when().get("/api/v1/cases/" + caseId + "/access-history")
                .then().statusCode(200).extract().jsonPath().getList("accesses.findAll { it.resource == 'case-identity' && "
                        + "it.action == 'READ' && it.outcome == 'SUCCESS' }");
        assertThat(reads).extracting(r -> r.get("purpose"))
                .containsExactlyInAnyOrder("CARE", "MEDICO_LEGAL", "LEGAL_AID", "SUPERVISION");
        as("mux.caseworker").when().get("/api/v1/cases/" + caseId + "/access-history").then().statusCode(403);
    }
}
