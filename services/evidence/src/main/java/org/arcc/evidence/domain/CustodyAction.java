package org.arcc.evidence.domain;

/** What a custody entry records. The wording a court reads is in the custody report. */
public enum CustodyAction {
    /** The item was collected and its log opened (only by registration). */
    COLLECTED,
    /** The holder sealed (or re-sealed) it under a seal number. */
    SEALED,
    /** The holder handed it over to another holder; the addressee must record its receipt. */
    TRANSFERRED,
    /** A transfer whose addressee is a forensic lab. */
    SUBMITTED_TO_LAB,
    /** The addressee of an open transfer received it, seal intact or not. */
    RECEIVED,
    /** The holder stored it (location, conditions). */
    STORED,
    /** A lab holding it recorded its analysis (result reference, result document hash). */
    ANALYSED,
    /** A transfer back after analysis. */
    RETURNED,
    /** A court property room holding it produced it in court. */
    PRODUCED_IN_COURT,
    /** Consent to testing arrived: the item may go to a lab (recorded by the service from consent events). */
    RELEASED_FOR_TESTING,
    /** Consent to testing was withdrawn before the item reached a lab (recorded by the service). */
    RESTRICTED,
    /** A supervisor approved disposal after the retention period; notice was published. */
    DISPOSAL_SCHEDULED,
    /** The holder disposed of it. */
    DISPOSED;

    /** Actions that hand the item to someone else and wait for a receipt. */
    public boolean isHandover() {
        return this == TRANSFERRED || this == SUBMITTED_TO_LAB || this == RETURNED;
    }
}
