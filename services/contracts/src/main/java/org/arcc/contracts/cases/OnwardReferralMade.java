package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A cell referred a survivor onward to a partner (shelter, livelihood, counselling, ...) under the survivor's SHARING consent for that partner. Codes only; the cell's note stays in the cases service.
 *
 * @param caseId the case
 * @param onwardReferralId the onward referral
 * @param cell referring cell code
 * @param partner partner id the referral is for
 * @param consentId the SHARING consent it rests on
 * @param serviceKind what the partner is asked for
 * @param urgency ROUTINE, PRIORITY or EMERGENCY
 * @param madeAt when
 */
public record OnwardReferralMade(UUID caseId, UUID onwardReferralId, String cell, String partner, UUID consentId, String serviceKind, String urgency, Instant madeAt) {

    public static final EventType TYPE = new EventType("arcc.case.onward-referral-made.v1", Topics.CASES, "case");
}
