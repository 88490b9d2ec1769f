package org.arcc.contracts.evidence;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * An evidence deadline passed unmet, e.g. a DNA sample that had not reached a lab 72 hours after collection.
 *
 * @param itemId     the item
 * @param caseId     its case
 * @param cell       cell code
 * @param deadline   deadline code, e.g. DNA_TO_LAB
 * @param dueAt      when it was due
 * @param detectedAt when the breach was recorded
 */
public record EvidenceDeadlineBreached(UUID itemId, UUID caseId, String cell, String deadline, Instant dueAt,
        Instant detectedAt) {

    public static final EventType TYPE = new EventType("arcc.evidence.deadline-breached.v1", Topics.EVIDENCE, "evidence-item");
}
