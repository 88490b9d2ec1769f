package org.arcc.evidence.journeys;

import static io.restassured.RestAssured.given;
import static org.arcc.evidence.EvidenceApi.ITEMS;
import static org.arcc.evidence.EvidenceApi.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.arcc.contracts.Topics;
import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
import org.arcc.evidence.MovableClock;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The 72-hour DNA-to-lab deadline (breach published once, shown on the item) and disposal (retention period,
 * supervisor approval, advance notice, then the holder disposes and the log closes). Time passes by moving the
 * service's clock ({@link MovableClock}, this profile only, on its own database), never by waiting for it.
 */
@QuarkusTest
@TestProfile(DeadlineAndDisposalTest.MovableTime.class)
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class DeadlineAndDisposalTest {

    /** The service runs on a clock the test moves; the disposal notice is the real two weeks. */
    public static class MovableTime implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("arcc.evidence.disposal-notice", "P14D");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Clock serviceClock;

    MovableClock clock;

    @BeforeEach
    void theServicesClock() {
        assertThat(serviceClock).as("the service's clock in this profile").isInstanceOf(MovableClock.class);
        clock = (MovableClock) serviceClock;
    }

    @Test
    void aDnaSampleNotAtALabAfter72HoursIsABreach() {
        String medical = Tokens.medicalOfficer("MUX");
        UUID caseId = CaseFacts.openedWithConsents("MUX", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING");
        Instant collected = clock.instant().minus(Duration.ofHours(1));
        String late = EvidenceApi.registerCollectedAt(medical, caseId, "DNA_REFERENCE_SAMPLE", collected)
                .then().statusCode(201).extract().path("item.id");
        String notDna = EvidenceApi.registerCollectedAt(medical, caseId, "CLOTHING", collected)
                .then().statusCode(201).extract().path("item.id");
        // The deadline scan runs every second in tests: a few scans within the 72 hours breach nothing.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(medical).get(ITEMS + "/" + late).then().statusCode(200).body("dnaToLabBreachedAt", nullValue()));

        clock.moveForward(Duration.ofHours(72));
        String inTime = EvidenceApi.registerCollectedAt(medical, caseId, "SWABS", clock.instant().minus(Duration.ofHours(1)))
                .then().statusCode(201).extract().path("item.id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(medical).get(ITEMS + "/" + late)
                .then().body("dnaToLabBreachedAt", notNullValue()));
        given().auth().oauth2(medical).get(ITEMS + "/" + inTime).then().body("dnaToLabBreachedAt", nullValue());
        given().auth().oauth2(medical).get(ITEMS + "/" + notDna).then().body("dnaToLabBreachedAt", nullValue());
        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.EVIDENCE)) {
            events.awaitRecord(r -> late.equals(r.key()) && "arcc.evidence.deadline-breached.v1".equals(
                    KafkaTopicReader.header(r, "ce_type")) && r.value().contains("DNA_TO_LAB"), Duration.ofSeconds(30));
            long breaches = events.readUntilQuiet(Duration.ofSeconds(3)).stream()
                    .filter(r -> "arcc.evidence.deadline-breached.v1".equals(KafkaTopicReader.header(r, "ce_type")))
                    .filter(r -> r.key().equals(late) || r.key().equals(inTime) || r.key().equals(notDna)).count();
            assertThat(breaches).as("published once, for the late sample only").isEqualTo(1);
        }
    }

    @Test
    void disposalNeedsTheRetentionPeriodASupervisorAndTheNotice() {
        String medical = Tokens.medicalOfficer("ISB");
        UUID caseId = CaseFacts.openedWithConsents("ISB", "EVIDENCE_COLLECTION");
        // URINE is kept 1 hour in the test profile, CLOTHING the default ten years.
        String urine = EvidenceApi.registerCollectedAt(medical, caseId, "URINE", clock.instant().minus(Duration.ofHours(2)))
                .then().statusCode(201).extract().path("item.id");
        String clothing = EvidenceApi.registerCollectedAt(medical, caseId, "CLOTHING", clock.instant())
                .then().statusCode(201).extract().path("item.id");

        Map<String, String> reason = Map.of("reason", "retention period over; no proceedings pending");
        given().auth().oauth2(medical).contentType(ContentType.JSON).body(reason).post(ITEMS + "/" + urine + "/disposal")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.supervisor("KHI")).contentType(ContentType.JSON).body(reason)
                .post(ITEMS + "/" + urine + "/disposal").then().statusCode(404);
        given().auth().oauth2(Tokens.supervisor("ISB")).contentType(ContentType.JSON).body(reason)
                .post(ITEMS + "/" + clothing + "/disposal").then().statusCode(409).body("detail", containsString("retention"));
        step(medical, urine, Map.of("action", "DISPOSED")).then().statusCode(409).body("detail", containsString("approved"));

        given().auth().oauth2(Tokens.supervisor("ISB")).contentType(ContentType.JSON).body(reason)
                .post(ITEMS + "/" + urine + "/disposal").then().statusCode(200).body("disposeFrom", notNullValue());
        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.EVIDENCE)) {
            events.awaitRecord(r -> urine.equals(r.key()) && "arcc.evidence.disposal-scheduled.v1".equals(
                    KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
        }
        step(medical, urine, Map.of("action", "DISPOSED")).then().statusCode(409).body("detail", containsString("notice"));
        clock.moveForward(Duration.ofDays(13));
        step(medical, urine, Map.of("action", "DISPOSED")).then().statusCode(409).body("detail", containsString("notice"));
        clock.moveForward(Duration.ofDays(1).plusMinutes(1)); // the notice is two weeks in this profile
        step(medical, urine, Map.of("action", "DISPOSED")).then().statusCode(201);
        given().auth().oauth2(medical).get(ITEMS + "/" + urine).then().body("stage", equalTo("DISPOSED"));
        step(medical, urine, Map.of("action", "STORED", "location", "shelf")).then().statusCode(409)
                .body("detail", containsString("disposed"));
    }
}
