package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A cell opened a case. Carries the pseudonymous reference and codes only; never who the survivor is.
 *
 * @param caseId    aggregate id
 * @param reference pseudonymous staff-readable reference, e.g. {@code KHI-2026-00042}
 * @param cell      cell code, e.g. {@code KHI}
 * @param channel   intake channel code, e.g. {@code WALK_IN}
 * @param ageBand   age band code, e.g. {@code CHILD_0_11}
 * @param arrivedAt when the survivor arrived at the cell
 * @param openedAt  when the case was recorded
 */
public record CaseOpened(UUID caseId, String reference, String cell, String channel, String ageBand,
        Instant arrivedAt, Instant openedAt) {

    public static final EventType TYPE = new EventType("arcc.case.opened.v1", Topics.CASES, "case");
}
