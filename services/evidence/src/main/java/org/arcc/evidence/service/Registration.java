package org.arcc.evidence.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.arcc.evidence.domain.ItemType;

/**
 * What a cell records when it collects an item.
 *
 * @param kitNumber   pre-printed kit or exhibit number, or null to have one issued
 * @param fileSha256s for digital evidence, the SHA-256 of each file (the files stay out of the platform)
 */
public record Registration(UUID caseId, ItemType type, String kitNumber, String sealNumber, Instant collectedAt,
        List<String> fileSha256s) {
}
