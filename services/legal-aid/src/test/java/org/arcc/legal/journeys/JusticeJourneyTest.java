package org.arcc.legal.journeys;

import static io.restassured.RestAssured.given;
import static org.arcc.legal.LegalApi.file;
import static org.arcc.legal.LegalApi.post;
import static org.arcc.legal.LegalApi.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.contracts.Topics;
import org.arcc.legal.CaseFacts;
import org.arcc.legal.LegalApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.EventSchemas;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Journeys 1 and 6 (shared/design/JOURNEYS.md) through the legal-aid service, with the cases service's events on
 * the real broker: FIR at T+5h, a legal-aid lawyer, a special court in camera; a conviction under PPC 376 within
 * four months notified to the register; another trial past four months published as a breach, once.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class JusticeJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    org.arcc.legal.TestClock clock;

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void journey1_firAtFiveHoursALawyerAndACourtInCamera() throws Exception {
        Instant t = Instant.now().minus(Duration.ofDays(60)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String lo = Tokens.legalOfficer("KHI");
        UUID caseId;
        try {
            // Each step is recorded when it happens (the test clock), as the legal officer would.
            clock.set(t.plus(Duration.ofMinutes(10)));
            caseId = CaseFacts.opened("KHI", t, "MEDICAL_EXAM", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING", "POLICE_REPORT");
            // Accepting only the problem type, as a client generated from the API document does for a 204 operation.
            given().auth().oauth2(lo).contentType(ContentType.JSON).accept("application/problem+json")
                    .body(Map.of("initials", "T.K.")).post(file(caseId) + "/initials").then().statusCode(204);
            // T+5h: FIR registered at the linked police station with the legal officer's help.
            clock.set(t.plus(Duration.ofHours(5).plusMinutes(20)));
            post(lo, file(caseId) + "/fir", LegalApi.firRegistered(t.plus(Duration.ofHours(5)))).then().statusCode(201)
                    .body("hoursFromArrival", equalTo(5));
            post(lo, file(caseId) + "/investigation", Map.of("unit", "ssoiu-khi", "investigatingOfficer",
                    "Inspector Shazia Parveen")).then().statusCode(201);
            clock.set(t.plus(Duration.ofDays(1)));
            post(lo, file(caseId) + "/investigation/steps", Map.of("step", "S161_STATEMENT", "on", day(t.plus(Duration.ofDays(1))),
                    "femaleOfficerPresent", true)).then().statusCode(201);
            // Weeks 1-6: a legal-aid lawyer from the panel, who accepts.
            clock.set(t.plus(Duration.ofDays(7)));
            String lawyer = post(lo, file(caseId) + "/representations", Map.of("role", "LEGAL_AID_LAWYER", "panelLawyer",
                    "lawyer-khi-1", "on", day(t.plus(Duration.ofDays(7))))).then().statusCode(201).extract().path("id");
            clock.set(t.plus(Duration.ofDays(8)));
            post(lo, file(caseId) + "/representations/" + lawyer + "/response", Map.of("accepted", true, "on",
                    day(t.plus(Duration.ofDays(8))))).then().statusCode(200);
            clock.set(t.plus(Duration.ofDays(12)));
            post(lo, file(caseId) + "/investigation/steps", Map.of("step", "CHALLAN_SUBMITTED", "on",
                    day(t.plus(Duration.ofDays(12))))).then().statusCode(201);
            // Month 2: a special court, in camera; the first hearing next week.
            clock.set(t.plus(Duration.ofDays(50)));
            post(lo, file(caseId) + "/trial", LegalApi.trial(LocalDate.parse(day(t.plus(Duration.ofDays(50))))))
                    .then().statusCode(201).body("inCamera", equalTo(true));
            post(lo, file(caseId) + "/hearings", Map.of("on", day(t.plus(Duration.ofDays(67))), "purpose",
                    "FRAMING_OF_CHARGE")).then().statusCode(201);
        } finally {
            clock.reset();
        }

        given().auth().oauth2(lo).get(file(caseId)).then().statusCode(200)
                .body("stage", equalTo("IN_COURT"))
                .body("trial.inCamera", equalTo(true))
                .body("representations[0].status", equalTo("ACCEPTED"))
                .body("investigation.femaleOfficerPresent", equalTo(true))
                .body("deadlines.find { it.rule == 'FIR_AFTER_ARRIVAL' }.status", equalTo("MET"))
                .body("deadlines.find { it.rule == 'S173_REPORT' }.status", equalTo("MET"))
                .body("deadlines.find { it.rule == 'TRIAL_CONCLUDED' }.status", equalTo("UPCOMING"))
                .body("flags.size()", equalTo(0));
        given().auth().oauth2(Tokens.counsellor("KHI")).get(file(caseId) + "/stage").then().statusCode(200)
                .body("stage", equalTo("IN_COURT"));

        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.LEGAL)) {
            UUID id = caseId;
            JsonNode fir = payload(events.awaitRecord(r -> about(r, id, "arcc.legal.fir-registered.v1"), WAIT));
            assertThat(fir.get("minutesFromArrival").asLong()).isEqualTo(300);
            assertThat(fir.get("cell").asText()).isEqualTo("KHI");
            JsonNode assigned = payload(events.awaitRecord(r -> about(r, id, "arcc.legal.lawyer-assigned.v1"), WAIT));
            assertThat(assigned.get("role").asText()).isEqualTo("LEGAL_AID_LAWYER");
            List<ConsumerRecord<String, String>> mine = events.readUntilQuiet(Duration.ofSeconds(2)).stream()
                    .filter(r -> id.toString().equals(r.key())).toList();
            assertThat(mine).as("every deadline met in time").extracting(r -> KafkaTopicReader.header(r, "ce_type"))
                    .doesNotContain("arcc.legal.deadline-breached.v1");
            // The survivor's status lookup (evidence service) learns each coarse stage once, with its month only.
            List<JsonNode> stages = mine.stream().filter(r -> about(r, id, "arcc.legal.stage-changed.v1"))
                    .map(JusticeJourneyTest::payloadOf).toList();
            assertThat(stages).extracting(s -> s.get("stage").asText())
                    .containsExactly("FIR_REGISTERED", "UNDER_INVESTIGATION", "IN_COURT");
            assertThat(stages.get(2).get("month").asText())
                    .isEqualTo(java.time.YearMonth.from(t.plus(Duration.ofDays(50)).atZone(java.time.ZoneId.of("Asia/Karachi"))).toString());
            assertValidAndAnonymous(mine, "T.K.", "Rukhsana", "Shazia", "Farah");
        }
    }

    @Test
    void journey6_aConvictionWithinFourMonthsIsNotifiedToTheRegister() throws Exception {
        UUID caseId = CaseFacts.opened("LHE-1", Instant.now().minus(Duration.ofDays(120)), "POLICE_REPORT");
        String lo = Tokens.legalOfficer("LHE-1");
        post(lo, file(caseId) + "/fir", LegalApi.firRegistered(Instant.now().minus(Duration.ofDays(119)))).then().statusCode(201);
        post(lo, file(caseId) + "/initials", Map.of("initials", "R.N.")).then().statusCode(204);
        Map<String, Object> trial = Map.of("court", "Special Court (Anti-Rape), Lahore", "courtCaseNumber", "SC-AR-88/2026",
                "judge", "Judge S. Butt", "inCamera", true, "reachedCourtOn", today().minusMonths(3).toString());
        post(lo, file(caseId) + "/trial", trial).then().statusCode(201);
        post(lo, file(caseId) + "/verdict", Map.of("outcome", "CONVICTED", "sections", List.of("PPC_376"), "sentence",
                "Imprisonment for life and a fine", "decidedOn", today().toString())).then().statusCode(201);

        given().auth().oauth2(lo).get(file(caseId)).then().statusCode(200).body("stage", equalTo("DECIDED"))
                .body("deadlines.find { it.rule == 'TRIAL_CONCLUDED' }.status", equalTo("MET"));
        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.LEGAL)) {
            JsonNode verdict = payload(events.awaitRecord(r -> about(r, caseId, "arcc.legal.verdict-recorded.v1"), WAIT));
            assertThat(verdict.get("outcome").asText()).isEqualTo("CONVICTED");
            assertThat(verdict.get("trialDays").asLong()).isBetween(89L, 92L);
            ConsumerRecord<String, String> notice = events.awaitRecord(r -> "arcc.legal.register-notice.v1".equals(
                    KafkaTopicReader.header(r, "ce_type")) && r.value().contains("SC-AR-88/2026"), WAIT);
            JsonNode n = payload(notice);
            assertThat(n.get("court").asText()).isEqualTo("Special Court (Anti-Rape), Lahore");
            assertThat(n.get("sections").get(0).asText()).isEqualTo("PPC_376");
            assertThat(n.get("convictedOn").asText()).isEqualTo(today().toString());
            List<String> fields = new ArrayList<>();
            n.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("noticeId", "court", "courtCaseNumber", "sections", "convictedOn");
            assertThat(notice.value()).doesNotContain(caseId.toString()).doesNotContain("R.N.");
            assertThat(notice.key()).isNotEqualTo(caseId.toString());
            List<ConsumerRecord<String, String>> mine = events.readUntilQuiet(Duration.ofSeconds(2)).stream()
                    .filter(r -> caseId.toString().equals(r.key())).toList();
            assertThat(mine).as("the trial concluded in time").noneMatch(r -> about(r, caseId,
                    "arcc.legal.deadline-breached.v1") && r.value().contains("TRIAL_CONCLUDED"));
            assertValidAndAnonymous(List.of(notice), "R.N.");
        }
    }

    @Test
    void journey6_aTrialPastFourMonthsIsABreachPublishedOnce() throws Exception {
        UUID caseId = CaseFacts.opened("MUX", Instant.now().minus(Duration.ofDays(200)), "POLICE_REPORT");
        String lo = Tokens.legalOfficer("MUX");
        post(lo, file(caseId) + "/fir", LegalApi.firRegistered(Instant.now().minus(Duration.ofDays(199)))).then().statusCode(201);
        post(lo, file(caseId) + "/trial", LegalApi.trial(today().minusMonths(4).minusDays(5))).then().statusCode(201);

        try (KafkaTopicReader events = new KafkaTopicReader(bootstrapServers, Topics.LEGAL)) {
            // The watcher finds it: nobody has to open the file.
            JsonNode breach = payload(events.awaitRecord(r -> about(r, caseId, "arcc.legal.deadline-breached.v1")
                    && r.value().contains("TRIAL_CONCLUDED"), WAIT));
            assertThat(breach.get("statutory").asBoolean()).isTrue();
            assertThat(breach.get("cell").asText()).isEqualTo("MUX");
            // The verdict comes late: no second breach, and the file says the deadline was met late.
            post(lo, file(caseId) + "/verdict", Map.of("outcome", "ACQUITTED", "sections", List.of(), "decidedOn",
                    today().toString())).then().statusCode(201);
            given().auth().oauth2(lo).get(file(caseId)).then().statusCode(200)
                    .body("deadlines.find { it.rule == 'TRIAL_CONCLUDED' }.status", equalTo("MET_LATE"));
            events.awaitRecord(r -> about(r, caseId, "arcc.legal.verdict-recorded.v1"), WAIT);
            List<ConsumerRecord<String, String>> breaches = events.readUntilQuiet(Duration.ofSeconds(3)).stream()
                    .filter(r -> about(r, caseId, "arcc.legal.deadline-breached.v1") && r.value().contains("TRIAL_CONCLUDED"))
                    .toList();
            assertThat(breaches).as("one breach per deadline").hasSize(1);
            assertThat(events.seen()).filteredOn(r -> about(r, caseId, "arcc.legal.register-notice.v1")).isEmpty();
        }
        given().auth().oauth2(lo).queryParam("status", "overdue").get("/api/v1/legal/deadlines").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' && it.rule == 'TRIAL_CONCLUDED' }.size()", equalTo(0));
    }

    private static boolean about(ConsumerRecord<String, String> r, UUID caseId, String type) {
        return caseId.toString().equals(r.key()) && type.equals(KafkaTopicReader.header(r, "ce_type"));
    }

    private static JsonNode payload(ConsumerRecord<String, String> r) throws Exception {
        return JSON.readTree(r.value());
    }

    private static JsonNode payloadOf(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertValidAndAnonymous(List<ConsumerRecord<String, String>> records, String... never) {
        for (ConsumerRecord<String, String> r : records) {
            String type = KafkaTopicReader.header(r, "ce_type");
            assertThat(EventSchemas.validate(type, r.value())).as("%s against its schema", type).isEmpty();
            for (String text : never) {
                assertThat(r.value()).as("%s carries nothing typed about a person", type).doesNotContain(text);
            }
        }
    }

    private static String day(Instant at) {
        return at.atZone(LegalApi.PAKISTAN).toLocalDate().toString();
    }
}
