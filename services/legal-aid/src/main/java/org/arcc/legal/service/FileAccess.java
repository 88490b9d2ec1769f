package org.arcc.legal.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.audit.AuditAction;
import org.arcc.common.audit.AuditEntry;
import org.arcc.common.audit.AuditOutcome;
import org.arcc.common.audit.AuditTrail;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.legal.domain.LegalFile;

/**
 * Loads a legal file within the caller's cell and audits every access to it, found or not: the reads and writes
 * of a legal file are part of the case's access history (the audit trail, keyed by the case id).
 */
@ApplicationScoped
public class FileAccess {

    public static final String LEGAL_FILE = "legal-file";
    public static final String PURPOSE = "LEGAL_AID";

    @Inject
    AuditTrail audit;

    /** The file, locked for the use case; another cell's file is not found (404), and the miss is audited. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = FileNotFound.class)
    public LegalFile load(Caller caller, UUID caseId, AuditAction action) {
        AccessScope scope = AccessScope.ownCell(caller);
        if (action != AuditAction.READ) {
            // Two steps on one file are decided one after the other. The row is locked on its own: Hibernate cannot
            // lock the file's row in the query that also joins its one-to-one parts.
            LegalFile.getEntityManager().createNativeQuery("SELECT case_id FROM legal_file WHERE case_id = ?1 FOR UPDATE")
                    .setParameter(1, caseId).getResultList();
        }
        LegalFile file = LegalFile.findById(caseId);
        if (file == null || !scope.reaches(file.cellCode)) {
            audit.record(new AuditEntry(caller, scope, action, LEGAL_FILE, caseId.toString(), null, PURPOSE,
                    AuditOutcome.NOT_FOUND));
            throw new FileNotFound("The legal file of case " + caseId + " does not exist or is not visible to you"
                    + " (a case opened moments ago may take a second to arrive)");
        }
        return file;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(Caller caller, AuditAction action, LegalFile file) {
        audit.record(new AuditEntry(caller, AccessScope.ownCell(caller), action, LEGAL_FILE, file.caseId.toString(),
                file.cellCode, PURPOSE, AuditOutcome.SUCCESS));
    }
}
