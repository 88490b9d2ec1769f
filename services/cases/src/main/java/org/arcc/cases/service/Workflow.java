package org.arcc.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.CaseReopening;
import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.domain.workflow.CaseWorkflow;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.CaseClosed;
import org.arcc.contracts.cases.CaseStatusChanged;
import org.arcc.vocabulary.Role;

/**
 * Moves a case through the workflow: loads the case, lets {@link CaseWorkflow} decide, records a reopening and
 * publishes the status change (and a closure) it returns.
 */
@ApplicationScoped
public class Workflow {

    static final String SUPERVISOR = Role.CELL_SUPERVISOR;

    @Inject
    CaseAccess access;

    @Inject
    Outbox outbox;

    @Inject
    FieldCipher cipher;

    @Inject
    Clock clock;

    /** A reopening as staff read it back; the reason only for roles that may read notes, else null. */
    public record Reopened(Instant reopenedAt, String reopenedBy, String reopenedByRole, String reason) {
    }

    /**
     * @param expectedVersion the version the caller last read ({@code If-Match}), or null to skip the check
     * @param reason          required to reopen a closed case
     */
    @Transactional(dontRollbackOn = CaseNotFound.class)
    public SurvivorCase move(Caller caller, AccessScope scope, UUID caseId, CaseStatus target, String reason,
            Long expectedVersion) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.UPDATE, CaseAccess.CASE, CaseIntake.CASE_WORK);
        Instant now = clock.instant();
        CaseWorkflow.Moved moved = CaseWorkflow.move(c, new CaseWorkflow.Actor(caller.subject(), caller.hasRole(SUPERVISOR)),
                new CaseWorkflow.Move(target, reason, expectedVersion), now).orElseThrow();
        if (moved.reopening() != null) {
            recordReopening(c, moved.reopening());
        }
        outbox.record(CaseStatusChanged.TYPE, c.id.toString(), new CaseStatusChanged(c.id, c.cellCode, moved.from().name(),
                moved.to().name(), now));
        if (moved.closed()) {
            outbox.record(CaseClosed.TYPE, c.id.toString(), new CaseClosed(c.id, c.cellCode, c.closedAt));
        }
        access.succeeded(caller, scope, AuditAction.UPDATE, CaseAccess.CASE, c, CaseIntake.CASE_WORK);
        return c;
    }

    /**
     * The reopenings of a case the caller has already loaded (and been audited for). Reasons are free text,
     * shown only to the roles that read service notes.
     */
    @Transactional
    public List<Reopened> reopenings(Caller caller, UUID caseId) {
        boolean reasons = ServiceRecords.mayReadNotes(caller);
        return CaseReopening.ofCase(caseId).stream().map(r -> new Reopened(r.reopenedAt, r.reopenedBy, r.reopenedByRole,
                reasons ? cipher.decrypt(cipher.open(r.dataKeyId, r.id.toString()), "reason", r.reason) : null)).toList();
    }

    private void recordReopening(SurvivorCase c, CaseWorkflow.Reopening reopening) {
        CaseReopening r = new CaseReopening();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.reopenedAt = reopening.at();
        r.reopenedBy = reopening.by();
        r.reopenedByRole = reopening.byRole();
        FieldCipher.OpenKey key = cipher.newDataKey(r.id.toString());
        r.dataKeyId = key.id();
        r.reason = cipher.encrypt(key, "reason", reopening.reason());
        r.persist();
    }
}
