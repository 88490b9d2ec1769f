package org.arcc.cases.domain;

/** What a consent allows. */
public enum ConsentPurpose {
    MEDICAL_EXAM, EVIDENCE_COLLECTION, EVIDENCE_TESTING, POLICE_REPORT,
    /** Sharing with one named recipient (a partner id). */
    SHARING,
    /** Counting the case in de-identified statistics. */
    STATISTICS
}
