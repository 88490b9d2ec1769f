package org.arcc.contracts.evidence;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * Advance notice: a supervisor approved the disposal of an item whose retention period has ended; it may be
 * disposed of from {@code disposeFrom}, not before.
 *
 * @param itemId      the item
 * @param caseId      its case
 * @param cell        cell code
 * @param itemType    type code
 * @param retainUntil end of the item type's retention period
 * @param disposeFrom earliest disposal time (after the notice period)
 * @param scheduledAt when the disposal was approved
 */
public record DisposalScheduled(UUID itemId, UUID caseId, String cell, String itemType, Instant retainUntil,
        Instant disposeFrom, Instant scheduledAt) {

    public static final EventType TYPE = new EventType("arcc.evidence.disposal-scheduled.v1", Topics.EVIDENCE, "evidence-item");
}
