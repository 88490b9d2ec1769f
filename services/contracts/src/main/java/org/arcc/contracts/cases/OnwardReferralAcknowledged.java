package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The partner accepted or declined an onward referral (a decline gives a reason code, never text).
 *
 * @param caseId the case
 * @param onwardReferralId the onward referral
 * @param cell referring cell code
 * @param partner partner id
 * @param decision ACCEPTED or DECLINED
 * @param declineReason for a decline: NO_CAPACITY, OUT_OF_AREA, NOT_ELIGIBLE or OTHER; else null
 * @param acknowledgedAt when
 */
public record OnwardReferralAcknowledged(UUID caseId, UUID onwardReferralId, String cell, String partner, String decision, String declineReason, Instant acknowledgedAt) {

    public static final EventType TYPE = new EventType("arcc.case.onward-referral-acknowledged.v1", Topics.CASES, "case");
}
