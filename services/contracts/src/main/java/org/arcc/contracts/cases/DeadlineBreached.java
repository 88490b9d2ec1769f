package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A statutory or policy deadline of a case passed unmet.
 *
 * @param caseId the case
 * @param cell cell code
 * @param deadline deadline code, e.g. MEDICO_LEGAL_EXAM
 * @param dueAt when it was due
 * @param detectedAt when the breach was recorded
 */
public record DeadlineBreached(UUID caseId, String cell, String deadline, Instant dueAt, Instant detectedAt) {

    public static final EventType TYPE = new EventType("arcc.case.deadline-breached.v1", Topics.CASES, "case");
}
