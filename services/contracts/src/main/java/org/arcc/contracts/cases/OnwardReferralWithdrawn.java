package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * An open onward referral was withdrawn because the survivor withdrew the SHARING consent it rested on; the partner must stop using what it received.
 *
 * @param caseId the case
 * @param onwardReferralId the onward referral
 * @param cell referring cell code
 * @param partner partner id
 * @param consentId the withdrawn consent
 * @param withdrawnAt when
 */
public record OnwardReferralWithdrawn(UUID caseId, UUID onwardReferralId, String cell, String partner, UUID consentId, Instant withdrawnAt) {

    public static final EventType TYPE = new EventType("arcc.case.onward-referral-withdrawn.v1", Topics.CASES, "case");
}
