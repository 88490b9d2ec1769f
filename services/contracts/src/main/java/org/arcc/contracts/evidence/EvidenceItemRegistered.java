package org.arcc.contracts.evidence;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A cell collected an evidence item (kit or exhibit) and opened its custody log.
 *
 * @param itemId      aggregate id
 * @param kitNumber   printable kit or exhibit number, e.g. {@code KHI-EV-2026-000042}
 * @param caseId      the case it belongs to (an id, never who the survivor is)
 * @param cell        cell code of the collecting cell
 * @param itemType    type code, e.g. SWABS, DIGITAL_EVIDENCE
 * @param restricted  true when there is no consent to testing: the item may not go to a lab
 * @param collectedAt when it was collected
 */
public record EvidenceItemRegistered(UUID itemId, String kitNumber, UUID caseId, String cell, String itemType,
        boolean restricted, Instant collectedAt) {

    public static final EventType TYPE = new EventType("arcc.evidence.item-registered.v1", Topics.EVIDENCE, "evidence-item");
}
