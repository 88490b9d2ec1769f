package org.arcc.cases.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.SurvivorCase;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.audit.AuditEntry;
import org.arcc.common.audit.AuditOutcome;
import org.arcc.common.audit.AuditTrail;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;

/** Loads a case within the caller's scope and audits every access to it, found or not. */
@ApplicationScoped
public class CaseAccess {

    public static final String CASE = "case";
    public static final String IDENTITY = "case-identity";
    private static final String OVERRIDE_PURPOSE = "ADMIN_OVERRIDE";

    @Inject
    AuditTrail audit;

    /**
     * The case, or {@link CaseNotFound} after auditing the miss. Call it first in a use case, before any
     * change.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = CaseNotFound.class)
    public SurvivorCase load(Caller caller, AccessScope scope, UUID id, AuditAction action, String resourceType,
            String purpose) {
        return SurvivorCase.findInScope(id, scope).orElseThrow(() -> {
            audited(caller, scope, action, resourceType, id, null, purpose, AuditOutcome.NOT_FOUND);
            return new CaseNotFound("Case " + id + " does not exist or is not visible to you"
                    + (caller.hasRole(AccessScope.ADMIN_ROLE) && !scope.isOverride()
                            ? "; administrators reach another cell's case only with " + AccessScope.REASON_HEADER
                            : ""));
        });
    }

    /** Records a successful access to a loaded case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(Caller caller, AccessScope scope, AuditAction action, String resourceType, SurvivorCase c,
            String purpose) {
        audited(caller, scope, action, resourceType, c.id, c.cellCode, purpose, AuditOutcome.SUCCESS);
    }

    /** Records an access to a sub-resource of a loaded case that is not there (e.g. no identity recorded). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void missed(Caller caller, AccessScope scope, AuditAction action, String resourceType, SurvivorCase c,
            String purpose) {
        audited(caller, scope, action, resourceType, c.id, c.cellCode, purpose, AuditOutcome.NOT_FOUND);
    }

    private void audited(Caller caller, AccessScope scope, AuditAction action, String resourceType, UUID id,
            String cell, String purpose, AuditOutcome outcome) {
        audit.record(new AuditEntry(caller, scope, action, resourceType, id.toString(), cell,
                scope.isOverride() ? OVERRIDE_PURPOSE : purpose, outcome));
    }
}
