package org.arcc.cases.domain.medicolegal;

import java.time.Instant;
import java.util.UUID;

/**
 * An evidence item the evidence service registered for the case, as the cases service learned it from events.
 *
 * @param sealedAt when the evidence service recorded it SEALED (first time), or null
 */
public record RegisteredItem(UUID itemId, String kitNumber, String itemType, Instant collectedAt, Instant sealedAt) {

    /** Digital evidence (screenshots and the like) is registered by the cell, not collected at the examination. */
    public boolean collectedAtExamination() {
        return !"DIGITAL_EVIDENCE".equals(itemType);
    }
}
