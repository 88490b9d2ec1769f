package org.arcc.evidence.security;

import static io.restassured.RestAssured.given;
import static org.arcc.evidence.EvidenceApi.ITEMS;
import static org.arcc.evidence.EvidenceApi.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.arcc.contracts.Topics;
import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The evidence service never receives a survivor's identity, but its free-text fields (condition, location,
 * courier, court) are typed by people and could carry one. What is typed there stays in the custody log
 * (which a court reads) and goes nowhere else: not to the log file, not to an event, not to the metrics, and
 * the survivor's status code is never logged either.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class FreeTextStaysInTheLogTest {

    static final String TYPED = "Sana Bibi 35202-1234567-8";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Test
    void freeTextAndStatusCodesReachNeitherLogsNorEventsNorMetrics() throws Exception {
        String medical = Tokens.medicalOfficer("KHI");
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING");
        var registered = EvidenceApi.registerCollectedAt(medical, caseId, "CLOTHING", java.time.Instant.now())
                .then().statusCode(201).extract();
        String item = registered.path("item.id");
        String code = registered.path("survivorCode");
        step(medical, item, Map.of("action", "STORED", "location", "Locker of " + TYPED)).then().statusCode(201);
        step(medical, item, Map.of("action", "TRANSFERRED", "to", "custodian:police-surgeon-khi", "courier", TYPED))
                .then().statusCode(201);
        step(Tokens.custodian("police-surgeon-khi"), item, Map.of("action", "RECEIVED", "sealIntact", false,
                "sealNumber", "X-1", "condition", "torn, label reads " + TYPED)).then().statusCode(201);
        // A failing request with the same text, and the public lookup.
        step(medical, item, Map.of("action", "STORED", "location", TYPED)).then().statusCode(409);
        given().get("/api/v1/evidence/status/" + code).then().statusCode(200);
        assertThat(given().auth().oauth2(medical).get(ITEMS + "/" + item + "/custody").asString())
                .as("the custody log keeps what was typed").contains(TYPED);

        String events;
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.EVIDENCE)) {
            reader.awaitRecord(r -> item.equals(r.key()) && r.value().contains("SEAL_BROKEN"), Duration.ofSeconds(30));
            events = reader.readUntilQuiet(Duration.ofSeconds(2)).stream().map(r -> r.value())
                    .collect(Collectors.joining("\n"));
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String log = Files.readString(Path.of(logFile));
        for (String secret : new String[] { TYPED, "35202-1234567-8", code }) {
            assertThat(events).as("events").doesNotContain(secret);
            assertThat(metrics).as("metrics").doesNotContain(secret);
            assertThat(log).as("log file").doesNotContain(secret);
        }
    }
}
