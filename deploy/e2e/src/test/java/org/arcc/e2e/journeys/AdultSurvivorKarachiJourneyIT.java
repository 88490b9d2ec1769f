package org.arcc.e2e.journeys;

import static org.arcc.e2e.Gateway.PROBLEM;
import static org.arcc.e2e.Gateway.as;
import static org.arcc.e2e.Gateway.asPartner;
import static org.arcc.e2e.journeys.JourneySteps.EVENTUALLY;
import static org.arcc.e2e.journeys.JourneySteps.consent;
import static org.arcc.e2e.journeys.JourneySteps.custody;
import static org.arcc.e2e.journeys.JourneySteps.intake;
import static org.arcc.e2e.journeys.JourneySteps.kit;
import static org.arcc.e2e.journeys.JourneySteps.kitNumber;
import static org.arcc.e2e.journeys.JourneySteps.openCase;
import static org.arcc.e2e.journeys.JourneySteps.registerItem;
import static org.arcc.e2e.journeys.JourneySteps.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 1 (JOURNEYS.md), through the gateway with real Keycloak tokens, across cases, evidence, legal aid and
 * reporting: a 24-year-old tutor, cyber-stalked on WhatsApp then raped, brought to {@code KHI} by her parents. The
 * platform's clock is real, so the journey's weeks are compressed into minutes: each step is recorded when the test
 * reaches it, and the limits that matter (exam within 6 hours, lab within 72, FIR within 24) are met.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(1)
class AdultSurvivorKarachiJourneyIT {

    private static final LocalDate TODAY = LocalDate.now(DashboardFigure.PAKISTAN);

    @Test
    void fromWalkInToSpecialCourtEachStepRecordedAndEachReaderSeeingOnlyWhatTheyMay() {
        Instant arrived = Instant.now().minus(Duration.ofHours(2));
        DashboardFigure adultRapes = DashboardFigure.of("survivors-by-incident-type", "KHI", arrived, "RAPE");
        int rapesBefore = adultRapes.exactFor("khi.supervisor");

        // T+0: walk-in intake, rape and cyber-stalking, adult; consents, none yet to share with an NGO.
        String caseId = openCase("khi.caseworker", "KHI", intake("WALK_IN", "ADULT_18_24", arrived, "sexGender", "FEMALE",
                "incidentType", "RAPE", "legalSections", List.of("PPC_376", "PECA_24")));
        for (String purpose : List.of("MEDICAL_EXAM", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING", "POLICE_REPORT", "STATISTICS")) {
            consent("khi.caseworker", caseId, purpose, "SURVIVOR");
        }
        as("khi.caseworker").when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("legalSections", hasItems("PPC_376", "PECA_24")).body("child", equalTo(false));
        // Another cell's staff do not find it, exactly as if it did not exist; an analyst never reads a case.
        as("lhe1.caseworker").when().get("/api/v1/cases/" + caseId).then().statusCode(404).contentType(PROBLEM);
        as("gov.analyst").when().get("/api/v1/cases/" + caseId).then().statusCode(403).contentType(PROBLEM);

        // T+2h: the medico-legal exam, inside the 6-hour limit; swabs and clothing sealed; screenshots by hash.
        service("khi.medical", caseId, "MEDICO_LEGAL_EXAM", Instant.now());
        as("khi.caseworker").when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("deadlines.find { it.deadline == 'MEDICO_LEGAL_EXAM' }.status", equalTo("MET"));
        String swabs = registerItem("khi.medical", kit(caseId, "SWABS", kitNumber("KHI"), "KHI-SEAL-11", Instant.now()))
                .then().body("item.restricted", equalTo(false)).extract().path("item.id");
        registerItem("khi.medical", kit(caseId, "CLOTHING", kitNumber("KHI"), "KHI-SEAL-12", Instant.now()));
        Map<String, Object> screenshots = new LinkedHashMap<>(Map.of("caseId", caseId, "type", "DIGITAL_EVIDENCE",
                "kitNumber", kitNumber("KHI"), "collectedAt", Instant.now().minusSeconds(60).toString(),
                "fileSha256s", List.of("3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7")));
        registerItem("khi.medical", screenshots).then().body("item.type", equalTo("DIGITAL_EVIDENCE"));
        as("khi.medical").queryParam("caseId", caseId).when().get("/api/v1/evidence/items").then().statusCode(200)
                .body("size()", equalTo(3));

        // T+5h: the FIR, with the legal officer's help, at a Karachi police station.
        String file = "/api/v1/legal/files/" + caseId;
        await().atMost(EVENTUALLY).until(() -> as("khi.legal").when().get(file).statusCode() == 200);
        service("khi.legal", caseId, "FIR_ASSISTANCE", Instant.now());
        await().atMost(EVENTUALLY).until(() -> as("khi.legal").body(Map.of("policeStation", "ps-khi-women-saddar",
                "firNumber", "FIR-E2E-" + (System.nanoTime() % 100_000) + "/2026", "registeredAt", Instant.now().toString(),
                "sections", List.of("PPC_376", "PECA_24"), "officer", "SI Rukhsana Bibi"))
                .when().post(file + "/fir").statusCode(), status -> status != 422);
        as("khi.legal").when().get(file).then().statusCode(200).body("stage", equalTo("FIR_REGISTERED"))
                .body("deadlines.find { it.rule == 'FIR_AFTER_ARRIVAL' }.status", equalTo("MET"));
        // The case worker follows the stage only; another cell's legal officer does not find the file.
        as("khi.caseworker").when().get(file + "/stage").then().statusCode(200).body("stage", equalTo("FIR_REGISTERED"));
        as("khi.caseworker").when().get(file).then().statusCode(403).contentType(PROBLEM);
        as("lhe1.legal").when().get(file).then().statusCode(404).contentType(PROBLEM);

        // T+30h: the kit to the forensic lab, inside 72 hours; the lab's receipt confirms the seal intact.
        custody("khi.medical", swabs, Map.of("action", "SUBMITTED_TO_LAB", "to", "custodian:forensic-lab-demo",
                "courier", "HC Imran Ali"));
        custody("lab.custodian", swabs, Map.of("action", "RECEIVED", "sealIntact", true, "sealNumber", "KHI-SEAL-11",
                "condition", "sealed, dry"));
        as("khi.medical").when().get("/api/v1/evidence/items/" + swabs).then().statusCode(200)
                .body("stage", equalTo("AT_LAB")).body("anomalies", equalTo(0)).body("dnaToLabBreachedAt", nullValue());

        // Weeks 1-6: counselling sessions; a legal-aid lawyer from the panel, who accepts.
        service("khi.counsellor", caseId, "PSYCHOSOCIAL_COUNSELLING", Instant.now());
        service("khi.counsellor", caseId, "PSYCHOSOCIAL_COUNSELLING", Instant.now());
        String lawyer = as("khi.legal").body(Map.of("role", "LEGAL_AID_LAWYER", "panelLawyer", "lawyer-khi-1",
                "on", TODAY.toString())).when().post(file + "/representations").then().statusCode(201).extract().path("id");
        as("khi.legal").body(Map.of("accepted", true, "on", TODAY.toString()))
                .when().post(file + "/representations/" + lawyer + "/response").then().statusCode(200);
        service("khi.legal", caseId, "LEGAL_AID", Instant.now());
        as("khi.caseworker").when().get("/api/v1/cases/" + caseId + "/services").then().statusCode(200)
                .body("findAll { it.service == 'PSYCHOSOCIAL_COUNSELLING' }.size()", equalTo(2));

        // Month 2: the lab's result with the report's hash; a special court, in camera.
        custody("lab.custodian", swabs, Map.of("action", "ANALYSED", "resultReference", "PFSA-E2E-11",
                "resultDocumentSha256", "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"));
        as("khi.legal").body(Map.of("court", "Special Court (Anti-Rape), Karachi South", "courtCaseNumber",
                "SC-AR-E2E-" + (System.nanoTime() % 100_000), "judge", "Judge A. Memon", "inCamera", true,
                "reachedCourtOn", TODAY.toString())).when().post(file + "/trial").then().statusCode(201)
                .body("inCamera", equalTo(true));
        as("khi.legal").when().get(file).then().statusCode(200).body("stage", equalTo("IN_COURT"))
                .body("representations[0].status", equalTo("ACCEPTED"));

        onwardReferralWithTheMinimumOnceSheConsents(caseId);

        // The government dashboard: one more adult rape case in Karachi this month, exact for the cell's supervisor,
        // suppressed for an analyst while the cell's count is under 5.
        await().atMost(EVENTUALLY).until(() -> adultRapes.exactFor("khi.supervisor") == rapesBefore + 1);
        ConvictionAndTheRegisterJourneyIT.assertSuppressedBelowK(adultRapes, rapesBefore + 1);
    }

    /** She later consents to sharing with an NGO's survivor groups: an onward referral with the minimum data. */
    private static void onwardReferralWithTheMinimumOnceSheConsents(String caseId) {
        Map<String, Object> referral = Map.of("partner", org.arcc.local.KeycloakTokens.DEMO_PARTNER, "serviceKind",
                "SUPPORT_GROUP", "urgency", "ROUTINE", "sexGender", "FEMALE", "note", "prefers evening sessions");
        String onward = "/api/v1/cases/" + caseId + "/onward-referrals";
        // Not before she consents to sharing with that partner.
        as("khi.caseworker").body(referral).when().post(onward).then().statusCode(422).contentType(PROBLEM);
        consent("khi.caseworker", caseId, "SHARING", "SURVIVOR", "recipient", org.arcc.local.KeycloakTokens.DEMO_PARTNER);
        String id = as("khi.caseworker").body(referral).when().post(onward).then().statusCode(201)
                .body("status", equalTo("SENT")).extract().path("id");

        // The partner sees the minimum it needs and the cell to call back, never the case, the note or a name.
        Map<String, Object> seen = asPartner().when().get("/api/v1/onward-referrals/" + id).then().statusCode(200)
                .body("referringCell", equalTo("KHI")).body("ageBand", equalTo("ADULT_18_24"))
                .body("serviceKind", equalTo("SUPPORT_GROUP")).extract().jsonPath().getMap("$");
        assertThat(seen).doesNotContainKeys("caseId", "note", "reference").doesNotContainValue(caseId);
        assertThat(seen.toString()).doesNotContain("evening");
        asPartner().body(Map.of("decision", "ACCEPTED")).when().post("/api/v1/onward-referrals/" + id + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as("khi.caseworker").when().get(onward).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.status", equalTo("ACCEPTED"));
    }
}
