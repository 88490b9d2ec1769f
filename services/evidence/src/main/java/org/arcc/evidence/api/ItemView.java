package org.arcc.evidence.api;

import java.time.Instant;
import java.util.UUID;

import org.arcc.evidence.domain.EvidenceItem;

/**
 * An item's current state, summarised from its custody log. No survivor identity exists here.
 * {@code labelPayload} is what the kit's barcode or QR code carries: only capitals, digits, '-' and '/', so it
 * fits QR alphanumeric mode and Code 39.
 */
public record ItemView(UUID id, String kitNumber, String labelPayload, UUID caseId, String cell, String type, String sealNumber,
        Instant collectedAt, boolean restricted, String holder, String stage, int anomalies, Instant labReceivedAt,
        Instant dnaToLabBreachedAt, Instant disposeFrom, Instant disposedAt) {

    static ItemView of(EvidenceItem item, Instant dnaToLabBreachedAt) {
        return new ItemView(item.id, item.kitNumber, "ARCC/" + item.kitNumber, item.caseId, item.cellCode, item.type.name(), item.sealNumber,
                item.collectedAt, item.restricted, item.holder, item.stage.name(), item.anomalies, item.labReceivedAt,
                dnaToLabBreachedAt, item.disposeFrom, item.disposedAt);
    }
}
