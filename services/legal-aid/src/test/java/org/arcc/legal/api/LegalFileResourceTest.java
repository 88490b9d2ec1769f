package org.arcc.legal.api;

import static io.restassured.RestAssured.given;
import static org.arcc.legal.LegalApi.file;
import static org.arcc.legal.LegalApi.post;
import static org.arcc.legal.LegalApi.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.arcc.legal.CaseFacts;
import org.arcc.legal.LegalApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The legal file through its API: consent, initials at rest, the read audited, the cell's deadline list. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class LegalFileResourceTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void noFirWithoutConsentToAPoliceReport() {
        UUID caseId = CaseFacts.opened("ISB", Instant.now().minusSeconds(7200), "MEDICAL_EXAM");
        post(Tokens.legalOfficer("ISB"), file(caseId) + "/fir", LegalApi.firRegistered(Instant.now().minusSeconds(60)))
                .then().statusCode(422).body("type", equalTo("urn:arcc:problem:consent-required"));
        UUID consent = CaseFacts.consentGiven(caseId, "ISB", "POLICE_REPORT");
        CaseFacts.consentWithdrawn(caseId, consent, "ISB", "POLICE_REPORT");
        post(Tokens.legalOfficer("ISB"), file(caseId) + "/fir", LegalApi.firRegistered(Instant.now().minusSeconds(60)))
                .then().statusCode(422);
        CaseFacts.consentGiven(caseId, "ISB", "POLICE_REPORT");
        post(Tokens.legalOfficer("ISB"), file(caseId) + "/fir", LegalApi.firRegistered(Instant.now().minusSeconds(60)))
                .then().statusCode(201).body("hoursFromArrival", equalTo(1));
    }

    @Test
    void initialsAreReadableToTheLegalOfficerAndSealedAtRest() {
        UUID caseId = CaseFacts.openedWithPoliceReportConsent("KHI");
        String lo = Tokens.legalOfficer("KHI");
        post(lo, file(caseId) + "/initials", Map.of("initials", "Q.Z.")).then().statusCode(204);
        given().auth().oauth2(lo).get(file(caseId)).then().statusCode(200).body("initials", equalTo("Q.Z."));
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) em
                .createNativeQuery("SELECT initials FROM legal_file WHERE case_id = ?1").setParameter(1, caseId)
                .getSingleResult());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Q.Z.");
        // Case workers see the stage only.
        given().auth().oauth2(Tokens.caseWorker("KHI")).get(file(caseId) + "/stage").then().statusCode(200)
                .body("stage", equalTo("NO_FIR")).body("$", not(org.hamcrest.Matchers.hasKey("initials")));
    }

    @Test
    void everyReadAndWriteIsInTheCasesAccessHistory() {
        UUID caseId = CaseFacts.openedWithPoliceReportConsent("MUX");
        post(Tokens.legalOfficer("MUX"), file(caseId) + "/fir", LegalApi.firRegistered(Instant.now().minusSeconds(60)))
                .then().statusCode(201);
        given().auth().oauth2(Tokens.supervisor("MUX")).get(file(caseId)).then().statusCode(200);
        given().auth().oauth2(Tokens.counsellor("MUX")).get(file(caseId) + "/stage").then().statusCode(200);
        given().auth().oauth2(Tokens.legalOfficer("RWP")).get(file(caseId)).then().statusCode(404);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT action, actor_roles, outcome FROM audit_record WHERE resource_id = ?1 ORDER BY seq")
                .setParameter(1, caseId.toString()).getResultList());
        assertThat(rows).extracting(r -> r[0] + " " + r[1] + " " + r[2]).containsExactly(
                "UPDATE legal-officer SUCCESS", "READ cell-supervisor SUCCESS", "READ counsellor SUCCESS",
                "READ legal-officer NOT_FOUND");
    }

    @Test
    void aTrialPastFourMonthsIsOnTheCellsOverdueList() {
        UUID caseId = CaseFacts.openedWithPoliceReportConsent("LHE-2");
        String lo = Tokens.legalOfficer("LHE-2");
        post(lo, file(caseId) + "/fir", LegalApi.firRegistered(Instant.now().minusSeconds(60))).then().statusCode(201);
        post(lo, file(caseId) + "/trial", LegalApi.trial(today().minusMonths(5))).then().statusCode(201);
        given().auth().oauth2(lo).queryParam("status", "overdue").get("/api/v1/legal/deadlines").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.rule", hasItem("TRIAL_CONCLUDED"));
        given().auth().oauth2(Tokens.legalOfficer("LHE-1")).queryParam("status", "overdue").get("/api/v1/legal/deadlines")
                .then().statusCode(200).body("caseId", not(hasItem(caseId.toString())));
        given().auth().oauth2(lo).get(file(caseId)).then().statusCode(200)
                .body("deadlines.find { it.rule == 'TRIAL_CONCLUDED' }.status", equalTo("OVERDUE"))
                .body("deadlines.find { it.rule == 'TRIAL_CONCLUDED' }.statutory", equalTo(true))
                .body("flags.code", hasItem("TRIAL_WITHOUT_NEXT_DATE"));
    }
}
