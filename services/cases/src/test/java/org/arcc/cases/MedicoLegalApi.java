package org.arcc.cases;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.arcc.contracts.Topics;
import org.arcc.contracts.evidence.CustodyRecorded;
import org.arcc.contracts.evidence.EvidenceItemRegistered;
import org.arcc.testing.CloudEventPublisher;
import org.awaitility.Awaitility;

import io.restassured.http.ContentType;

/** Steps around the medico-legal report that tests share: evidence items as the evidence service announces them. */
public final class MedicoLegalApi {

    private MedicoLegalApi() {
    }

    /** An item the evidence service registered (and sealed, when {@code sealedAt} is given); returns its id. */
    public static String registerItem(String bootstrapServers, String caseId, String cell, String kitNumber,
            String itemType, Instant collectedAt, Instant sealedAt) {
        UUID itemId = UUID.randomUUID();
        try (CloudEventPublisher evidence = new CloudEventPublisher(bootstrapServers, "/arcc/evidence")) {
            evidence.publish(Topics.EVIDENCE, EvidenceItemRegistered.TYPE.type(), itemId.toString(),
                    new EvidenceItemRegistered(itemId, kitNumber, UUID.fromString(caseId), cell, itemType, false, collectedAt));
            if (sealedAt != null) {
                evidence.publish(Topics.EVIDENCE, CustodyRecorded.TYPE.type(), itemId.toString(), new CustodyRecorded(itemId,
                        UUID.fromString(caseId), cell, 2, 0, "SEALED", "cell:" + cell, "a".repeat(64), sealedAt));
            }
        }
        return itemId.toString();
    }

    /** Waits until the cases service knows {@code count} items of a case (they show as unreported on the checks). */
    public static void awaitItemsKnown(String caseId, long count) {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction
                .requiringNew().call(() -> org.arcc.cases.domain.medicolegal.CaseEvidenceItem.count(
                        "caseId = ?1 and (sealedAt is not null or itemType = 'DIGITAL_EVIDENCE')", UUID.fromString(caseId)))
                == count);
    }

    /** Writes the draft as the given medical officer. */
    public static io.restassured.response.ValidatableResponse draft(String token, String caseId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/cases/" + caseId + "/medico-legal-report").then();
    }

    /** A case of {@code cell} (with an identity) holding a draft report that may be signed; returns the case id. */
    public static String caseWithDraft(String cell, String medicalSubject) {
        String worker = org.arcc.testing.Tokens.caseWorker(cell);
        String caseId = CasesApi.openCaseWithIdentity(worker, AnIdentity.adult());
        String consent = CasesApi.giveConsent(worker, caseId, "MEDICAL_EXAM");
        Instant arrived = Instant.parse(given().auth().oauth2(worker).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().path("arrivedAt"));
        draft(org.arcc.testing.Tokens.as("medical-officer").inCell(cell).subject(medicalSubject).sign(), caseId,
                AMedicoLegalReport.minimal(arrived, consent).body()).statusCode(200);
        return caseId;
    }

    /** A case of {@code cell} whose report the given medical officer signed; returns the case id. */
    public static String caseWithSignedReport(String cell, String medicalSubject) {
        String caseId = caseWithDraft(cell, medicalSubject);
        sign(org.arcc.testing.Tokens.as("medical-officer").inCell(cell).subject(medicalSubject).sign(), caseId)
                .statusCode(200);
        return caseId;
    }

    /** A minimal signable report body for an existing case of {@code cell}, on a fresh MEDICAL_EXAM consent. */
    public static Map<String, Object> minimalReportFor(String cell, String caseId) {
        String worker = org.arcc.testing.Tokens.caseWorker(cell);
        String consent = CasesApi.giveConsent(worker, caseId, "MEDICAL_EXAM");
        Instant arrived = Instant.parse(given().auth().oauth2(worker).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().path("arrivedAt"));
        return AMedicoLegalReport.minimal(arrived, consent).body();
    }

    /** A case of {@code cell} whose draft lacks the survivor's initials: REQUIRED_FIELDS finds it. */
    public static String caseWithIncompleteDraft(String cell) {
        String worker = org.arcc.testing.Tokens.caseWorker(cell);
        String caseId = CasesApi.openCaseWithIdentity(worker, AnIdentity.adult());
        String consent = CasesApi.giveConsent(worker, caseId, "MEDICAL_EXAM");
        Instant arrived = Instant.parse(given().auth().oauth2(worker).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().path("arrivedAt"));
        draft(org.arcc.testing.Tokens.medicalOfficer(cell), caseId,
                AMedicoLegalReport.minimal(arrived, consent).without("survivorInitials").body()).statusCode(200);
        return caseId;
    }

    public static io.restassured.response.ValidatableResponse sign(String token, String caseId) {
        return given().auth().oauth2(token).post("/api/v1/cases/" + caseId + "/medico-legal-report/signature").then();
    }
}
