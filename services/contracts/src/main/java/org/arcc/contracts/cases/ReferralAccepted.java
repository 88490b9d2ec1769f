package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The cell accepted a referral and opened a case for it.
 *
 * @param referralId the referral
 * @param partner partner id
 * @param cell receiving cell
 * @param caseId the case opened for it
 * @param acceptedAt when
 */
public record ReferralAccepted(UUID referralId, String partner, String cell, UUID caseId, Instant acceptedAt) {

    public static final EventType TYPE = new EventType("arcc.referral.accepted.v1", Topics.REFERRALS, "referral");
}
