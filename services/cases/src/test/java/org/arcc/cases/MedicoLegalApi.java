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

    public static io.restassured.response.ValidatableResponse sign(String token, String caseId) {
        return given().auth().oauth2(token).post("/api/v1/cases/" + caseId + "/medico-legal-report/signature").then();
    }
}
