package org.arcc.contracts.legal;

import java.time.LocalDate;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A lawyer was assigned to a case's legal file: the survivor's legal-aid lawyer, the special prosecutor or the
 * accused's counsel.
 *
 * @param caseId           the case
 * @param cell             cell code
 * @param representationId the assignment
 * @param role             LEGAL_AID_LAWYER, SPECIAL_PROSECUTOR or ACCUSED_COUNSEL
 * @param assignedOn       the day
 * @param replaces         the assignment it replaces, or null
 */
public record LawyerAssigned(UUID caseId, String cell, UUID representationId, String role, LocalDate assignedOn,
        UUID replaces) {

    public static final EventType TYPE = new EventType("arcc.legal.lawyer-assigned.v1", Topics.LEGAL, "legal-file");
}
