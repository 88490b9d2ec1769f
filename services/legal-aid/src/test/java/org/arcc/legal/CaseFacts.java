package org.arcc.legal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.contracts.Topics;
import org.arcc.legal.domain.CaseConsent;
import org.arcc.legal.domain.LegalFile;
import org.arcc.testing.CloudEventPublisher;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the cases service would publish about a case, published on the real broker for the legal-aid service to
 * consume; each step waits until the legal-aid service has applied it.
 */
public final class CaseFacts {

    private CaseFacts() {
    }

    /**
     * A case opened in the cell (announced in v1 and v2, as the cases service does) that arrived at the given
     * time, with consents for the given purposes; returns its id once the legal file is open.
     */
    public static UUID opened(String cell, Instant arrivedAt, String... purposes) {
        UUID caseId = UUID.randomUUID();
        try (CloudEventPublisher publisher = publisher()) {
            Map<String, Object> v1 = new LinkedHashMap<>();
            v1.put("caseId", caseId.toString());
            v1.put("reference", cell + "-2026-" + (10000 + (int) (Math.random() * 89999)));
            v1.put("cell", cell);
            v1.put("channel", "WALK_IN");
            v1.put("ageBand", "ADULT_18_24");
            v1.put("arrivedAt", arrivedAt.toString());
            v1.put("openedAt", arrivedAt.plusSeconds(600).toString());
            Map<String, Object> v2 = new LinkedHashMap<>(v1);
            v2.put("sexGender", "FEMALE");
            v2.put("incidentDate", LocalDate.now().minusDays(1).toString());
            v2.put("incidentType", "RAPE");
            v2.put("legalSections", List.of("PPC_376", "PECA_24"));
            v2.put("disabilities", List.of());
            v2.put("vulnerabilities", List.of());
            publisher.publish(Topics.CASES, "arcc.case.opened.v1", caseId.toString(), v1);
            publisher.publish(Topics.CASES, "arcc.case.opened.v2", caseId.toString(), v2);
            for (String purpose : purposes) {
                publishConsent(publisher, caseId, cell, purpose);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            LegalFile file = LegalFile.findById(caseId);
            return file != null && !file.caseSections.isEmpty() && CaseConsent.count("caseId", caseId) == purposes.length;
        }));
        return caseId;
    }

    /** A case that arrived two hours ago with consent to a police report. */
    public static UUID openedWithPoliceReportConsent(String cell) {
        return opened(cell, Instant.now().minusSeconds(7200), "POLICE_REPORT");
    }

    /** The survivor consents to a purpose later; returns once applied. */
    public static UUID consentGiven(UUID caseId, String cell, String purpose) {
        UUID consentId;
        try (CloudEventPublisher publisher = publisher()) {
            consentId = publishConsent(publisher, caseId, cell, purpose);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> CaseConsent.findById(consentId) != null));
        return consentId;
    }

    /** The survivor withdraws a consent; returns once applied. */
    public static void consentWithdrawn(UUID caseId, UUID consentId, String cell, String purpose) {
        try (CloudEventPublisher publisher = publisher()) {
            Map<String, Object> withdrawn = new LinkedHashMap<>();
            withdrawn.put("caseId", caseId.toString());
            withdrawn.put("consentId", consentId.toString());
            withdrawn.put("cell", cell);
            withdrawn.put("purpose", purpose);
            withdrawn.put("recipient", null);
            withdrawn.put("withdrawnAt", Instant.now().toString());
            publisher.publish(Topics.CASES, "arcc.case.consent-withdrawn.v1", caseId.toString(), withdrawn);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> !CaseConsent.<CaseConsent>findById(consentId).active));
    }

    /** The case moved to another cell; returns once the file follows. */
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
                .call(() -> toCell.equals(LegalFile.<LegalFile>findById(caseId).cellCode)));
    }

    /** A supervisor closed the case; returns once the file is closed. */
    public static void closed(UUID caseId, String cell) {
        try (CloudEventPublisher publisher = publisher()) {
            publisher.publish(Topics.CASES, "arcc.case.closed.v1", caseId.toString(),
                    Map.of("caseId", caseId.toString(), "cell", cell, "closedAt", Instant.now().toString()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> LegalFile.<LegalFile>findById(caseId).closedAt != null));
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
