package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A consent was withdrawn; what it allowed must stop.
 *
 * @param caseId the case
 * @param consentId the consent
 * @param cell cell code
 * @param purpose purpose code
 * @param recipient partner id for SHARING consents, else null
 * @param withdrawnAt when
 */
public record ConsentWithdrawn(UUID caseId, UUID consentId, String cell, String purpose, String recipient, Instant withdrawnAt) {

    public static final EventType TYPE = new EventType("arcc.case.consent-withdrawn.v1", Topics.CASES, "case");
}
