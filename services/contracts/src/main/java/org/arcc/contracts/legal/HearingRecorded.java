package org.arcc.contracts.legal;

import java.time.LocalDate;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * What happened at a hearing of a case's trial in the special court.
 *
 * @param caseId            the case
 * @param cell              cell code
 * @param hearingId         the hearing
 * @param hearingOn         its date
 * @param purpose           purpose code, e.g. PROSECUTION_EVIDENCE
 * @param outcome           HELD, ADJOURNED or CONCLUDED
 * @param adjournmentReason reason code of an adjournment, else null
 * @param soughtBy          who sought the adjournment (DEFENCE, PROSECUTION, COMPLAINANT, COURT), else null
 * @param nextOn            the next hearing date, or null
 */
public record HearingRecorded(UUID caseId, String cell, UUID hearingId, LocalDate hearingOn, String purpose,
        String outcome, String adjournmentReason, String soughtBy, LocalDate nextOn) {

    public static final EventType TYPE = new EventType("arcc.legal.hearing-recorded.v1", Topics.LEGAL, "legal-file");
}
