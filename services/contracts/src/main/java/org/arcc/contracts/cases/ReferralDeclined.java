package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The cell declined a referral; the reason stays in the cases service.
 *
 * @param referralId the referral
 * @param partner partner id
 * @param cell receiving cell
 * @param declinedAt when
 */
public record ReferralDeclined(UUID referralId, String partner, String cell, Instant declinedAt) {

    public static final EventType TYPE = new EventType("arcc.referral.declined.v1", Topics.REFERRALS, "referral");
}
