package org.arcc.common.audit;

/** How an access to survivor data ended. */
public enum AuditOutcome {
    /** Done. */
    SUCCESS,
    /** No such record within the caller's reach (includes another cell's record). */
    NOT_FOUND,
    /** The caller's role does not allow it. */
    DENIED,
    /** The request was refused as invalid (e.g. a required purpose missing). */
    INVALID
}
