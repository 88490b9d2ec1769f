package org.arcc.common.audit;

import java.util.Objects;

import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;

/**
 * One access to survivor data, as a use case reports it to the {@link AuditTrail}.
 *
 * @param caller       who
 * @param scope        how far the caller reached (their cell, or an administrator's stated reason)
 * @param action       what
 * @param resourceType which kind of record, e.g. {@code case-identity}
 * @param resourceId   which record
 * @param resourceCell cell that owns the record, when known
 * @param purpose      why, as a purpose code (free text is not allowed here: it may be published)
 * @param outcome      how it ended
 */
public record AuditEntry(Caller caller, AccessScope scope, AuditAction action, String resourceType, String resourceId,
        String resourceCell, String purpose, AuditOutcome outcome) {

    public AuditEntry {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
    }
}
