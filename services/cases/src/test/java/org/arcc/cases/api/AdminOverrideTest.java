package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.cases.AnIdentity;
import org.arcc.cases.CasesApi;
import org.arcc.contracts.Topics;
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

/** A platform administrator reaches a cell's case only by stating why; it is audited and raised as an alert. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class AdminOverrideTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void withoutAReasonTheCaseIsNotThere() {
        String id = CasesApi.openCase(Tokens.caseWorker("MUX"));
        given().auth().oauth2(Tokens.platformAdmin()).get("/api/v1/cases/" + id)
                .then().statusCode(404).body("detail", containsString("X-Access-Reason"));
        given().auth().oauth2(Tokens.platformAdmin()).header("X-Access-Reason", "because")
                .get("/api/v1/cases/" + id)
                .then().statusCode(400).body("detail", containsString("10 to 500"));
    }

    @Test
    void withAReasonTheAdministratorReadsItAndAnAlertIsRaised() {
        String id = CasesApi.openCaseWithIdentity(Tokens.caseWorker("MUX"), AnIdentity.adult());
        String reason = "Complaint 2026/118 from the Multan cell supervisor about a misfiled intake";
        given().auth().oauth2(Tokens.platformAdmin()).header("X-Access-Reason", reason)
                .get("/api/v1/cases/" + id)
                .then().statusCode(200).body("cell", equalTo("MUX"));

        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.AUDIT)) {
            ConsumerRecord<String, String> alert = reader.awaitRecord(r -> id.equals(r.key())
                    && "arcc.audit.cross-cell-access.v1".equals(KafkaTopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(alert.value()).contains("MUX").doesNotContain("Complaint");
        }
        given().auth().oauth2(Tokens.supervisor("MUX")).get("/api/v1/cases/" + id + "/access-history")
                .then().statusCode(200)
                .body("accesses.find { it.purpose == 'ADMIN_OVERRIDE' }.reason", equalTo(reason))
                .body("accesses.find { it.purpose == 'ADMIN_OVERRIDE' }.actorRoles", equalTo("platform-admin"));
    }
}
