package org.arcc.contracts.legal;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A deadline of the justice pathway passed unmet (published once per case and deadline).
 *
 * @param caseId     the case
 * @param cell       cell code
 * @param deadline   FIR_AFTER_ARRIVAL, S173_REPORT, TRIAL_CONCLUDED or APPEAL_DECIDED
 * @param statutory  true when the law sets the period, false for a policy target
 * @param dueAt      when it was due
 * @param detectedAt when the breach was recorded
 */
public record LegalDeadlineBreached(UUID caseId, String cell, String deadline, boolean statutory, Instant dueAt,
        Instant detectedAt) {

    public static final EventType TYPE = new EventType("arcc.legal.deadline-breached.v1", Topics.LEGAL, "legal-file");
}
