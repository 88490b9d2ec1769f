package org.arcc.cases.journeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Journey 4: a survivor examined in Rawalpindi moves to family in Islamabad (and, as the issue asks, one from
 * Karachi to Lahore). The sending cell proposes, the receiving cell accepts, the case is the receiver's and the
 * sender no longer sees it. And a declined transfer leaves everything where it was.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class TransferJourneyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({ "RWP, ISB", "KHI, LHE-1" })
    void anAcceptedTransferMovesOwnershipAndVisibility(String from, String to) {
        String id = CasesApi.openCaseWithIdentity(Tokens.caseWorker(from), AnIdentity.adult());
        String transfer = CasesApi.proposeTransfer(Tokens.caseWorker(from), id, to);

        given().auth().oauth2(Tokens.caseWorker(to)).get("/api/v1/cases/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.supervisor(to)).get("/api/v1/cases/transfers").then().statusCode(200)
                .body("id", hasItem(transfer));
        given().auth().oauth2(Tokens.caseWorker(from)).post("/api/v1/cases/transfers/" + transfer + "/acceptance")
                .then().statusCode(404);

        given().auth().oauth2(Tokens.supervisor(to)).post("/api/v1/cases/transfers/" + transfer + "/acceptance")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        given().auth().oauth2(Tokens.caseWorker(to)).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("cell", equalTo(to));
        given().auth().oauth2(Tokens.caseWorker(to)).header("X-Access-Purpose", "CARE")
                .get("/api/v1/cases/" + id + "/identity").then().statusCode(200);
        given().auth().oauth2(Tokens.caseWorker(from)).get("/api/v1/cases/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.supervisor(to)).post("/api/v1/cases/transfers/" + transfer + "/acceptance")
                .then().statusCode(404);

        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            var accepted = reader.awaitRecord(r -> id.equals(r.key())
                    && "arcc.case.transfer-accepted.v1".equals(KafkaTopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(accepted.value()).contains("\"toCell\": \"" + to + "\"").contains("\"fromCell\": \"" + from + "\"");
        }
    }

    @Test
    void aDeclinedTransferLeavesTheCaseWhereItWas() {
        String id = CasesApi.openCase(Tokens.caseWorker("KHI"));
        String transfer = CasesApi.proposeTransfer(Tokens.caseWorker("KHI"), id, "LHE-1");
        given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON).body(Map.of("toCell", "MUX"))
                .post("/api/v1/cases/" + id + "/transfers").then().statusCode(409);
        given().auth().oauth2(Tokens.caseWorker("LHE-1")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/cases/transfers/" + transfer + "/decline").then().statusCode(400);
        given().auth().oauth2(Tokens.caseWorker("LHE-1")).contentType(ContentType.JSON)
                .body(Map.of("reason", "No capacity this month"))
                .post("/api/v1/cases/transfers/" + transfer + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED"));
        given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("cell", equalTo("KHI"));
        given().auth().oauth2(Tokens.caseWorker("LHE-1")).get("/api/v1/cases/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON).body(Map.of("toCell", "KHI"))
                .post("/api/v1/cases/" + id + "/transfers").then().statusCode(400);
        given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON).body(Map.of("toCell", "XYZ"))
                .post("/api/v1/cases/" + id + "/transfers").then().statusCode(400);
        CasesApi.proposeTransfer(Tokens.caseWorker("KHI"), id, "MUX");
    }
}
