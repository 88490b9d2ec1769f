package org.arcc.evidence.journeys;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.arcc.contracts.Topics;
import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
import org.arcc.testing.CloudEventPublisher;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The survivor's one-time code also answers where her case stands on the justice pathway: the legal-aid service's
 * {@code arcc.legal.stage-changed.v1} events, published on the real broker, reach the lookup through the inbox. Only
 * the stage and its month are answered, and nothing before an FIR is registered.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class SurvivorLegalStageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theLookupFollowsTheLegalStageOfTheCaseWithTheMonthOnly() {
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING", "POLICE_REPORT");
        String code = survivorCodeOfAnItem(caseId);

        given().get("/api/v1/evidence/status/" + code).then().statusCode(200).body("stage", equalTo("COLLECTED"))
                .body("legalStage", nullValue()).body("legalStageSince", nullValue());

        stageChanged(caseId, "FIR_REGISTERED", "2026-03");
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/evidence/status/" + code).then().statusCode(200)
                .body("stage", equalTo("COLLECTED")).body("legalStage", equalTo("FIR_REGISTERED"))
                .body("legalStageSince", equalTo("2026-03")));

        stageChanged(caseId, "UNDER_INVESTIGATION", "2026-03");
        stageChanged(caseId, "IN_COURT", "2026-05");
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/evidence/status/" + code).then().statusCode(200)
                .body("legalStage", equalTo("IN_COURT")).body("legalStageSince", equalTo("2026-05")));

        stageChanged(caseId, "DECIDED", "2026-07");
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/evidence/status/" + code).then().statusCode(200)
                .body("legalStage", equalTo("DECIDED")).body("legalStageSince", equalTo("2026-07")));
    }

    @Test
    void aRefusedFirIsNotAStageTheSurvivorIsToldAndAnotherCaseIsNotMixedIn() {
        UUID refused = CaseFacts.openedWithConsents("LHE-1", "EVIDENCE_COLLECTION", "POLICE_REPORT");
        UUID other = CaseFacts.openedWithConsents("LHE-1", "EVIDENCE_COLLECTION", "POLICE_REPORT");
        String code = survivorCodeOfAnItem(refused, Tokens.medicalOfficer("LHE-1"));

        stageChanged(refused, "FIR_REFUSED", "2026-04");
        stageChanged(other, "IN_COURT", "2026-04");
        // The other case's stage arriving shows that the refusal (published before it, on the same topic) was applied.
        await().atMost(WAIT).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> org.arcc.evidence.domain.LegalStage.findById(other) != null
                        && org.arcc.evidence.domain.LegalStage.findById(refused) != null));
        given().get("/api/v1/evidence/status/" + code).then().statusCode(200)
                .body("legalStage", nullValue()).body("legalStageSince", nullValue());
    }

    private static String survivorCodeOfAnItem(UUID caseId) {
        return survivorCodeOfAnItem(caseId, Tokens.medicalOfficer("KHI"));
    }

    private static String survivorCodeOfAnItem(UUID caseId, String token) {
        return EvidenceApi.registerCollectedAt(token, caseId, "SWABS", Instant.now().minusSeconds(3600)).then()
                .statusCode(201).extract().path("survivorCode");
    }

    private void stageChanged(UUID caseId, String stage, String month) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("caseId", caseId.toString());
        payload.put("cell", "KHI");
        payload.put("stage", stage);
        payload.put("month", month);
        try (CloudEventPublisher publisher = new CloudEventPublisher(bootstrapServers, "/arcc/legal-aid")) {
            publisher.publish(Topics.LEGAL, "arcc.legal.stage-changed.v1", caseId.toString(), payload);
        }
    }
}
