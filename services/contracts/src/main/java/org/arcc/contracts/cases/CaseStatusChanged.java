package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A case moved in the cell's workflow.
 *
 * @param caseId the case
 * @param cell cell code
 * @param from previous status code
 * @param to new status code
 * @param changedAt when
 */
public record CaseStatusChanged(UUID caseId, String cell, String from, String to, Instant changedAt) {

    public static final EventType TYPE = new EventType("arcc.case.status-changed.v1", Topics.CASES, "case");
}
