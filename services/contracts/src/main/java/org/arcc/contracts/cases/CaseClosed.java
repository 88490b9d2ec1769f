package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A supervisor approved the closure of a case.
 *
 * @param caseId the case
 * @param cell cell code
 * @param closedAt when
 */
public record CaseClosed(UUID caseId, String cell, Instant closedAt) {

    public static final EventType TYPE = new EventType("arcc.case.closed.v1", Topics.CASES, "case");
}
