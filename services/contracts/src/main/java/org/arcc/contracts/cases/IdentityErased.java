package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A survivor's identity was erased by destroying its key; the case itself remains.
 *
 * @param caseId the case
 * @param cell cell code
 * @param erasedAt when
 */
public record IdentityErased(UUID caseId, String cell, Instant erasedAt) {

    public static final EventType TYPE = new EventType("arcc.case.identity-erased.v1", Topics.CASES, "case");
}
