package org.arcc.evidence;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.arcc.contracts.Topics;
import org.arcc.evidence.domain.CaseConsent;
import org.arcc.evidence.domain.CaseProjection;
import org.arcc.testing.CloudEventPublisher;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the cases service would publish about a case, published on the real broker for the evidence service
 * to consume; each step waits until the evidence service has applied it.
 */
public final class CaseFacts {

    private CaseFacts() {
    }

    /** A case opened in the cell, with consents for the given purposes; returns its id once the evidence service knows it. */
    public static UUID openedWithConsents(String cell, String... purposes) {
        UUID caseId = UUID.randomUUID();
        try (CloudEventPublisher publisher = publisher()) {
            Map<String, Object> opened = new LinkedHashMap<>();
            opened.put("caseId", caseId.toString());
            opened.put("reference", cell + "-2026-" + (10000 + (int) (Math.random() * 89999)));
            opened.put("cell", cell);
            opened.put("channel", "WALK_IN");
            opened.put("ageBand", "ADULT_18_24");
            opened.put("arrivedAt", Instant.now().minusSeconds(7200).toString());
            opened.put("openedAt", Instant.now().minusSeconds(7100).toString());
            publisher.publish(Topics.CASES, "arcc.case.opened.v1", caseId.toString(), opened);
            for (String purpose : purposes) {
                publishConsent(publisher, caseId, cell, purpose);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> CaseProjection.findById(caseId) != null
                        && CaseConsent.count("caseId", caseId) == purposes.length));
        return caseId;
    }

    /** A case opened as the cases service announces it in {@code arcc.case.opened.v2} only; returns its id once known. */
    public static UUID openedAsV2(String cell) {
        UUID caseId = UUID.randomUUID();
        try (CloudEventPublisher publisher = publisher()) {
            Map<String, Object> opened = new LinkedHashMap<>();
            opened.put("caseId", caseId.toString());
            opened.put("reference", cell + "-2026-" + (10000 + (int) (Math.random() * 89999)));
            opened.put("cell", cell);
            opened.put("channel", "POLICE");
            opened.put("ageBand", "CHILD_0_11");
            opened.put("sexGender", "FEMALE");
            opened.put("incidentDate", java.time.LocalDate.now().toString());
            opened.put("incidentType", "RAPE");
            opened.put("legalSections", java.util.List.of("PPC_376_3"));
            opened.put("disabilities", java.util.List.of());
            opened.put("vulnerabilities", java.util.List.of());
            opened.put("arrivedAt", Instant.now().minusSeconds(3600).toString());
            opened.put("openedAt", Instant.now().minusSeconds(3500).toString());
            publisher.publish(Topics.CASES, "arcc.case.opened.v2", caseId.toString(), opened);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> CaseProjection.findById(caseId) != null));
        return caseId;
    }

    /** The survivor consents to a purpose later; returns once the evidence service applied it. */
    public static UUID consentGiven(UUID caseId, String cell, String purpose) {
        UUID consentId;
        try (CloudEventPublisher publisher = publisher()) {
            consentId = publishConsent(publisher, caseId, cell, purpose);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> CaseConsent.findById(consentId) != null));
        return consentId;
    }

    /** The case moved to another cell. */
    public static void transferAccepted(UUID caseId, String fromCell, String toCell) {
        try (CloudEventPublisher publisher = publisher()) {
            Map<String, Object> moved = new LinkedHashMap<>();
            moved.put("caseId", caseId.toString());
            moved.put("transferId", UUID.randomUUID().toString());
            moved.put("fromCell", fromCell);
            moved.put("toCell", toCell);
            moved.put("acceptedAt", Instant.now().toString());
            publisher.publish(Topics.CASES, "arcc.case.transfer-accepted.v1", caseId.toString(), moved);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> toCell.equals(CaseProjection.<CaseProjection>findById(caseId).cellCode)));
    }

    private static UUID publishConsent(CloudEventPublisher publisher, UUID caseId, String cell, String purpose) {
        UUID consentId = UUID.randomUUID();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("caseId", caseId.toString());
        given.put("consentId", consentId.toString());
        given.put("cell", cell);
        given.put("purpose", purpose);
        given.put("recipient", null);
        given.put("givenBy", "SURVIVOR");
        given.put("givenAt", Instant.now().toString());
        publisher.publish(Topics.CASES, "arcc.case.consent-given.v1", caseId.toString(), given);
        return consentId;
    }

    private static CloudEventPublisher publisher() {
        return new CloudEventPublisher(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "/arcc/cases");
    }
}
