package org.arcc.evidence.domain;

/** Where an item is, coarsely; the survivor's status lookup shows only this. */
public enum Stage {
    COLLECTED, IN_TRANSIT, IN_CUSTODY, AT_LAB, ANALYSED, IN_COURT, DISPOSED;

    /** The words a survivor sees: collected / at lab / analysed / in court (and disposed). */
    public String forSurvivor() {
        return switch (this) {
            case COLLECTED, IN_TRANSIT, IN_CUSTODY -> "COLLECTED";
            case AT_LAB -> "AT_LAB";
            case ANALYSED -> "ANALYSED";
            case IN_COURT -> "IN_COURT";
            case DISPOSED -> "DISPOSED";
        };
    }
}
