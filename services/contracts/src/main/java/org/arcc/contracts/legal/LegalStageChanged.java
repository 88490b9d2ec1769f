package org.arcc.contracts.legal;

import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A legal file reached another coarse stage. It feeds the survivor's status lookup (evidence service), so it carries
 * no names, no references of the police or the court and no date finer than the month.
 *
 * @param caseId the case (and its legal file)
 * @param cell   cell code
 * @param stage  NO_FIR, FIR_REFUSED, FIR_REGISTERED, UNDER_INVESTIGATION, IN_COURT or DECIDED
 * @param month  the month (Pakistan time) the file reached it, {@code YYYY-MM}
 */
public record LegalStageChanged(UUID caseId, String cell, String stage, String month) {

    public static final EventType TYPE = new EventType("arcc.legal.stage-changed.v1", Topics.LEGAL, "legal-file");
}
