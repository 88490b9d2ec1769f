package org.arcc.e2e.journeys;

import static org.arcc.e2e.Gateway.PROBLEM;
import static org.arcc.e2e.Gateway.as;
import static org.arcc.e2e.journeys.JourneySteps.EVENTUALLY;
import static org.arcc.e2e.journeys.JourneySteps.consent;
import static org.arcc.e2e.journeys.JourneySteps.custody;
import static org.arcc.e2e.journeys.JourneySteps.intake;
import static org.arcc.e2e.journeys.JourneySteps.kit;
import static org.arcc.e2e.journeys.JourneySteps.kitNumber;
import static org.arcc.e2e.journeys.JourneySteps.openCase;
import static org.arcc.e2e.journeys.JourneySteps.registerItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 4 (JOURNEYS.md), through the gateway with real Keycloak tokens: a survivor examined at {@code RWP} moves to
 * family in Islamabad. {@code RWP} proposes a transfer, {@code ISB} accepts, the case is {@code ISB}'s, {@code RWP}'s
 * staff get 404 for the case and its evidence afterwards, and the evidence already at the lab keeps its custody log
 * unchanged.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(4)
class TransferBetweenCitiesJourneyIT {

    @Test
    void rawalpindiHandsTheCaseToIslamabadWhoseStaffNowAloneSeeItAndTheLabsLogStaysAsItWas() {
        Instant arrived = Instant.now().minus(Duration.ofHours(30));
        String caseId = openCase("rwp.caseworker", "RWP",
                intake("WALK_IN", "ADULT_25_59", arrived, "incidentType", "RAPE", "legalSections", List.of("PPC_376")));
        consent("rwp.caseworker", caseId, "EVIDENCE_COLLECTION", "SURVIVOR");
        consent("rwp.caseworker", caseId, "EVIDENCE_TESTING", "SURVIVOR");

        // Examined at RWP: swabs collected, sent to the lab, received there.
        String itemId = registerItem("rwp.medical",
                kit(caseId, "SWABS", kitNumber("RWP"), "RWP-SEAL-4", arrived.plus(Duration.ofHours(2))))
                .then().body("item.cell", equalTo("RWP")).body("item.restricted", equalTo(false))
                .extract().path("item.id");
        custody("rwp.medical", itemId, Map.of("action", "SUBMITTED_TO_LAB", "to", "custodian:forensic-lab-demo",
                "courier", "constable on duty"));
        custody("lab.custodian", itemId, Map.of("action", "RECEIVED", "sealIntact", true, "sealNumber", "RWP-SEAL-4",
                "condition", "intact"));
        List<Map<String, Object>> logAtTheLab = as("lab.custodian").when().get("/api/v1/evidence/items/" + itemId + "/custody")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(logAtTheLab).extracting(e -> e.get("action")).containsExactly("COLLECTED", "SUBMITTED_TO_LAB", "RECEIVED");

        // RWP proposes, ISB accepts.
        String transferId = as("rwp.caseworker").body(Map.of("toCell", "ISB", "reason", "moved to family in Islamabad"))
                .when().post("/api/v1/cases/" + caseId + "/transfers")
                .then().statusCode(201).body("status", equalTo("PROPOSED")).body("toCell", equalTo("ISB"))
                .extract().path("id");
        as("isb.caseworker").when().post("/api/v1/cases/transfers/" + transferId + "/acceptance")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        // The case is ISB's; RWP's staff no longer find it, exactly as if it did not exist.
        as("isb.caseworker").when().get("/api/v1/cases/" + caseId).then().statusCode(200).body("cell", equalTo("ISB"));
        for (String rwp : List.of("rwp.caseworker", "rwp.supervisor", "rwp.medical")) {
            as(rwp).when().get("/api/v1/cases/" + caseId).then().statusCode(404).contentType(PROBLEM);
        }

        // Evidence follows by event: ISB's medical officer reads the item, RWP's gets 404 for it.
        await().atMost(EVENTUALLY).until(() -> as("isb.medical").when().get("/api/v1/evidence/items/" + itemId).statusCode() == 200);
        as("isb.medical").when().get("/api/v1/evidence/items/" + itemId).then().statusCode(200)
                .body("cell", equalTo("ISB")).body("stage", equalTo("AT_LAB"));
        as("rwp.medical").when().get("/api/v1/evidence/items/" + itemId).then().statusCode(404).contentType(PROBLEM);
        as("rwp.medical").when().get("/api/v1/evidence/items/" + itemId + "/custody").then().statusCode(404);

        // The lab's custody log is the same entries, hashes and times as before the transfer.
        List<Map<String, Object>> logAfter = as("isb.medical").when().get("/api/v1/evidence/items/" + itemId + "/custody")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(logAfter).isEqualTo(logAtTheLab);
        as("lab.custodian").when().get("/api/v1/evidence/items/" + itemId + "/custody")
                .then().statusCode(200).body("size()", equalTo(3));
    }
}
