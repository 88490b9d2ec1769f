package org.arcc.evidence.journeys;

import static io.restassured.RestAssured.given;
import static org.arcc.evidence.EvidenceApi.ITEMS;
import static org.arcc.evidence.EvidenceApi.move;
import static org.arcc.evidence.EvidenceApi.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Journey 3: the survivor consents to collection but not to testing. The kit is restricted and cannot go to
 * a lab; when her consent to testing arrives (as the cases service's event) it is released, and the custody
 * log shows both facts. Without consent to collection nothing is registered at all.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class RestrictedKitTest {

    @Test
    void aRestrictedKitGoesToTheLabOnlyAfterConsentToTesting() {
        String medical = Tokens.medicalOfficer("LHE-1");
        UUID caseId = CaseFacts.openedWithConsents("LHE-1", "MEDICAL_EXAM", "EVIDENCE_COLLECTION");
        String item = EvidenceApi.register(medical, caseId, "SWABS");
        given().auth().oauth2(medical).get(ITEMS + "/" + item).then().body("restricted", equalTo(true));

        step(medical, item, Map.of("action", "SUBMITTED_TO_LAB", "to", "custodian:pfsa-lhe")).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:arcc:problem:consent-required"))
                .body("detail", containsString("restricted"));
        // Nor by calling the lab transfer something else.
        step(medical, item, EvidenceApi.handOver("custodian:pfsa-lhe")).then().statusCode(422);
        // Other custody goes on: the police surgeon may hold it meanwhile.
        move(medical, item, "custodian:police-surgeon-lhe", Tokens.custodian("police-surgeon-lhe"));

        CaseFacts.consentGiven(caseId, "LHE-1", "EVIDENCE_TESTING");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(medical)
                .get(ITEMS + "/" + item).then().body("restricted", equalTo(false)));

        String surgeon = Tokens.custodian("police-surgeon-lhe");
        step(surgeon, item, Map.of("action", "SUBMITTED_TO_LAB", "to", "custodian:pfsa-lhe")).then().statusCode(201);
        List<String> actions = given().auth().oauth2(medical).get(ITEMS + "/" + item + "/custody").then()
                .statusCode(200).extract().path("action");
        assertThat(actions).containsExactly("COLLECTED", "TRANSFERRED", "RECEIVED", "RELEASED_FOR_TESTING",
                "SUBMITTED_TO_LAB");
        String restrictedAtCollection = given().auth().oauth2(medical).get(ITEMS + "/" + item + "/custody").then()
                .extract().path("[0].entry.details.restricted");
        assertThat(restrictedAtCollection).isEqualTo("true");
    }

    @Test
    void withoutConsentToCollectionNothingIsRegistered() {
        UUID caseId = CaseFacts.openedWithConsents("LHE-1", "MEDICAL_EXAM");
        EvidenceApi.registerCollectedAt(Tokens.medicalOfficer("LHE-1"), caseId, "SWABS", java.time.Instant.now())
                .then().statusCode(422).body("type", equalTo("urn:arcc:problem:consent-required"));
    }

    @Test
    void aCaseAnnouncedOnlyInTheSecondVersionOfCaseOpenedIsKnownToo() {
        UUID caseId = CaseFacts.openedAsV2("MUX");
        CaseFacts.consentGiven(caseId, "MUX", "EVIDENCE_COLLECTION");
        EvidenceApi.register(Tokens.medicalOfficer("MUX"), caseId, "SWABS");
    }

    @Test
    void aCaseOfAnotherCellIsNotFound() {
        UUID caseId = CaseFacts.openedWithConsents("LHE-1", "EVIDENCE_COLLECTION");
        EvidenceApi.registerCollectedAt(Tokens.medicalOfficer("KHI"), caseId, "SWABS", java.time.Instant.now())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void itemsFollowTheirCaseToAnotherCellWithoutTouchingTheLog() {
        UUID caseId = CaseFacts.openedWithConsents("RWP", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING");
        String item = EvidenceApi.register(Tokens.medicalOfficer("RWP"), caseId, "BLOOD");
        int entries = given().auth().oauth2(Tokens.medicalOfficer("RWP")).get(ITEMS + "/" + item + "/custody").then()
                .extract().path("size()");
        CaseFacts.transferAccepted(caseId, "RWP", "ISB");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.medicalOfficer("RWP"))
                .get(ITEMS + "/" + item).then().statusCode(404));
        given().auth().oauth2(Tokens.medicalOfficer("ISB")).get(ITEMS + "/" + item + "/custody").then().statusCode(200)
                .body("size()", equalTo(entries));
    }
}
