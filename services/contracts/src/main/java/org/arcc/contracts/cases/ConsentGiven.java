package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * Consent for one purpose was recorded. Who gave it is a code (survivor or guardian), never a name.
 *
 * @param caseId the case
 * @param consentId the consent
 * @param cell cell code
 * @param purpose purpose code, e.g. EVIDENCE_TESTING
 * @param recipient partner id for SHARING consents, else null
 * @param givenBy SURVIVOR or GUARDIAN
 * @param givenAt when
 */
public record ConsentGiven(UUID caseId, UUID consentId, String cell, String purpose, String recipient, String givenBy, Instant givenAt) {

    public static final EventType TYPE = new EventType("arcc.case.consent-given.v1", Topics.CASES, "case");
}
