package org.arcc.cases.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.SurvivorCase;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.audit.AuditTrail;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;

/** The access history of a case, from the audit trail, for its cell's supervisor. */
@ApplicationScoped
public class CaseHistory {

    @Inject
    CaseAccess access;

    @Inject
    AuditTrail audit;

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public List<AuditTrail.AccessRecord> of(Caller caller, AccessScope scope, UUID caseId) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.LIST, "case-access-history", "SUPERVISION");
        List<AuditTrail.AccessRecord> history = audit.history(caseId.toString());
        access.succeeded(caller, scope, AuditAction.LIST, "case-access-history", c, "SUPERVISION");
        return history;
    }
}
