package org.arcc.legal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.arcc.contracts.Topics;
import org.arcc.legal.domain.CaseEvidenceItem;
import org.arcc.testing.CloudEventPublisher;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the evidence service would publish about a case's items, published on the real broker for the legal-aid
 * service to consume; each step waits until the legal-aid service has applied it.
 */
public final class EvidenceFacts {

    private EvidenceFacts() {
    }

    /** A swab kit registered for the case; returns its id once the legal-aid service knows it. */
    public static UUID itemRegistered(UUID caseId, String cell, String kitNumber) {
        UUID itemId = UUID.randomUUID();
        Map<String, Object> registered = new LinkedHashMap<>();
        registered.put("itemId", itemId.toString());
        registered.put("kitNumber", kitNumber);
        registered.put("caseId", caseId.toString());
        registered.put("cell", cell);
        registered.put("itemType", "SWABS");
        registered.put("restricted", false);
        registered.put("collectedAt", Instant.now().minusSeconds(3000).toString());
        try (CloudEventPublisher publisher = publisher()) {
            publisher.publish(Topics.EVIDENCE, "arcc.evidence.item-registered.v1", itemId.toString(), registered);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> CaseEvidenceItem.findById(itemId) != null));
        return itemId;
    }

    /** A custody entry of the item; {@code ANALYSED} is the lab recording its result. */
    public static void custodyRecorded(UUID itemId, UUID caseId, String cell, String action, long sequence) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("itemId", itemId.toString());
        entry.put("caseId", caseId.toString());
        entry.put("cell", cell);
        entry.put("sequence", sequence);
        entry.put("leafIndex", sequence);
        entry.put("action", action);
        entry.put("holder", "custodian:forensic-lab-demo");
        entry.put("leafHash", "ab".repeat(32));
        entry.put("recordedAt", Instant.now().minusSeconds(60).toString());
        try (CloudEventPublisher publisher = publisher()) {
            publisher.publish(Topics.EVIDENCE, "arcc.evidence.custody-recorded.v1", itemId.toString(), entry);
        }
    }

    private static CloudEventPublisher publisher() {
        return new CloudEventPublisher(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "/arcc/evidence");
    }
}
