package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A partner NGO referred a survivor to a cell. Codes only: the partner's referral carries no identity.
 *
 * @param referralId the referral
 * @param partner partner id
 * @param cell receiving cell
 * @param ageBand age band code
 * @param incidentCategory GBVIMS category code
 * @param receivedAt when
 */
public record ReferralReceived(UUID referralId, String partner, String cell, String ageBand, String incidentCategory, Instant receivedAt) {

    public static final EventType TYPE = new EventType("arcc.referral.received.v1", Topics.REFERRALS, "referral");
}
