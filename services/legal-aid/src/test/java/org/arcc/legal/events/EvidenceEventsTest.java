package org.arcc.legal.events;

import static io.restassured.RestAssured.given;
import static org.arcc.legal.LegalApi.file;
import static org.arcc.legal.LegalApi.post;
import static org.arcc.legal.LegalApi.today;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.legal.CaseFacts;
import org.arcc.legal.EvidenceFacts;
import org.arcc.legal.LegalApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The DNA report links to real evidence: the evidence service's events, on the real broker, tell the legal file which
 * items the case has and when a lab analysed one. A report covering an item that is not the case's is refused; an
 * analysis whose report has not reached the investigation is flagged until the report is recorded.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class EvidenceEventsTest {

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theDnaReportCoversTheCasesAnalysedItemsOnly() {
        UUID caseId = CaseFacts.openedWithPoliceReportConsent("KHI");
        UUID otherCase = CaseFacts.openedWithPoliceReportConsent("KHI");
        String lo = Tokens.legalOfficer("KHI");
        post(lo, file(caseId) + "/fir", LegalApi.firRegistered(java.time.Instant.now().minusSeconds(3600))).then()
                .statusCode(201);
        post(lo, file(caseId) + "/investigation", Map.of("unit", "ssoiu-khi", "investigatingOfficer",
                "Inspector Shazia Parveen")).then().statusCode(201);

        UUID swabs = EvidenceFacts.itemRegistered(caseId, "KHI", "KHI-EV-2026-000042");
        UUID notTheCases = EvidenceFacts.itemRegistered(otherCase, "KHI", "KHI-EV-2026-000043");
        given().auth().oauth2(lo).get(file(caseId)).then().statusCode(200)
                .body("evidenceItems.size()", equalTo(1))
                .body("evidenceItems[0].itemId", equalTo(swabs.toString()))
                .body("evidenceItems[0].kitNumber", equalTo("KHI-EV-2026-000042"))
                .body("evidenceItems[0].analysedAt", nullValue())
                .body("flags.size()", equalTo(0));

        // The lab records its result: the legal officer is told the report has yet to reach the investigation.
        EvidenceFacts.custodyRecorded(swabs, caseId, "KHI", "RECEIVED", 4);
        EvidenceFacts.custodyRecorded(swabs, caseId, "KHI", "ANALYSED", 5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(lo).get(file(caseId)).then()
                .statusCode(200).body("evidenceItems[0].analysedAt", notNullValue())
                .body("flags.find { it.code == 'ANALYSED_WITHOUT_DNA_REPORT' }.detail", containsString("KHI-EV-2026-000042")));

        String today = today().toString();
        post(lo, file(caseId) + "/investigation/steps", Map.of("step", "DNA_REPORT", "on", today, "evidenceItemIds",
                List.of(swabs.toString(), notTheCases.toString()))).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not evidence items the evidence service registered for this case"));
        post(lo, file(caseId) + "/investigation/steps", Map.of("step", "DNA_REPORT", "on", today, "evidenceItemIds",
                List.of(UUID.randomUUID().toString()))).then().statusCode(400);
        post(lo, file(caseId) + "/investigation/steps", Map.of("step", "DNA_REPORT", "on", today, "evidenceItemIds",
                List.of(swabs.toString()))).then().statusCode(201)
                .body("dnaItemIds", equalTo(List.of(swabs.toString()))).body("dnaReportReceivedOn", equalTo(today));

        given().auth().oauth2(lo).get(file(caseId)).then().statusCode(200).body("flags.size()", equalTo(0))
                .body("investigation.dnaItemIds[0]", equalTo(swabs.toString()));
    }
}
