package org.arcc.cases.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.Cnic;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.domain.SurvivorIdentity;
import org.arcc.common.idempotency.IdempotencyStore;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.outbox.Outbox;
import org.arcc.contracts.cases.IdentityErased;
import org.arcc.common.audit.AuditEntry;
import org.arcc.common.audit.AuditOutcome;
import org.arcc.common.audit.AuditTrail;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.vocabulary.ProblemType;

/**
 * A survivor's identity: written and read only through here, encrypted under the case's own data key,
 * every access audited with its purpose, erasable by destroying the key.
 */
@ApplicationScoped
public class IdentityRecords {

    private static final String CNIC_INDEX = "cnic";
    private static final String LOOKUP = "identity-lookup";

    @Inject
    IdempotencyStore idempotentResults;

    @Inject
    FieldCipher cipher;

    @Inject
    CaseAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** Identity in plain text, as it crosses the API. */
    public record Identity(String name, String cnic, String phone, String address, Guardian guardian) {
    }

    public record Guardian(String name, String relationship, String cnic, String phone) {
    }

    /** A case whose identity matched a lookup. */
    public record Match(UUID caseId, String reference, String cell) {
    }

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public void write(Caller caller, AccessScope scope, UUID caseId, Identity identity) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.UPDATE, CaseAccess.IDENTITY, Purpose.CARE.name());
        SurvivorIdentity row = SurvivorIdentity.findById(caseId);
        FieldCipher.OpenKey key;
        if (row == null || row.erased()) {
            key = cipher.newDataKey(caseId.toString());
            if (row == null) {
                row = new SurvivorIdentity();
                row.caseId = caseId;
            }
            row.dataKeyId = key.id();
            row.erasedAt = null;
        } else {
            key = cipher.open(row.dataKeyId, caseId.toString());
        }
        row.name = cipher.encrypt(key, "name", identity.name());
        row.cnic = cipher.encrypt(key, "cnic", identity.cnic());
        row.cnicIndex = identity.cnic() == null ? null : cipher.blindIndex(CNIC_INDEX, Cnic.normalize(identity.cnic()));
        row.phone = cipher.encrypt(key, "phone", identity.phone());
        row.address = cipher.encrypt(key, "address", identity.address());
        Guardian guardian = identity.guardian();
        row.guardianName = cipher.encrypt(key, "guardianName", guardian == null ? null : guardian.name());
        row.guardianRelationship = cipher.encrypt(key, "guardianRelationship", guardian == null ? null : guardian.relationship());
        row.guardianCnic = cipher.encrypt(key, "guardianCnic", guardian == null ? null : guardian.cnic());
        row.guardianCnicIndex = guardian == null || guardian.cnic() == null ? null
                : cipher.blindIndex(CNIC_INDEX, Cnic.normalize(guardian.cnic()));
        row.guardianPhone = cipher.encrypt(key, "guardianPhone", guardian == null ? null : guardian.phone());
        row.updatedAt = clock.instant();
        row.persist();
        access.succeeded(caller, scope, AuditAction.UPDATE, CaseAccess.IDENTITY, c, Purpose.CARE.name());
    }

    @Transactional(dontRollbackOn = { CaseNotFound.class, ProblemException.class })
    public Identity read(Caller caller, AccessScope scope, UUID caseId, Purpose purpose) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.READ, CaseAccess.IDENTITY, purpose.name());
        SurvivorIdentity row = SurvivorIdentity.findById(caseId);
        if (row == null || row.erased()) {
            access.missed(caller, scope, AuditAction.READ, CaseAccess.IDENTITY, c, purpose.name());
            throw row == null ? new ProblemException(ProblemType.NOT_FOUND, "No identity is recorded for case " + caseId)
                    : new ProblemException(ProblemType.GONE, "The identity of case " + caseId + " was erased on "
                            + row.erasedAt + " and cannot be recovered");
        }
        access.succeeded(caller, scope, AuditAction.READ, CaseAccess.IDENTITY, c, purpose.name());
        FieldCipher.OpenKey key = cipher.open(row.dataKeyId, caseId.toString());
        String guardianName = cipher.decrypt(key, "guardianName", row.guardianName);
        Guardian guardian = guardianName == null && row.guardianPhone == null && row.guardianCnic == null ? null
                : new Guardian(guardianName, cipher.decrypt(key, "guardianRelationship", row.guardianRelationship),
                        cipher.decrypt(key, "guardianCnic", row.guardianCnic),
                        cipher.decrypt(key, "guardianPhone", row.guardianPhone));
        return new Identity(cipher.decrypt(key, "name", row.name), cipher.decrypt(key, "cnic", row.cnic),
                cipher.decrypt(key, "phone", row.phone), cipher.decrypt(key, "address", row.address), guardian);
    }

    /** Crypto-shredding: the data key is destroyed and the row blanked; the case itself stays. */
    @Transactional(dontRollbackOn = CaseNotFound.class)
    public void erase(Caller caller, AccessScope scope, UUID caseId) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.ERASE, CaseAccess.IDENTITY,
                Purpose.SURVIVOR_REQUEST.name());
        SurvivorIdentity row = SurvivorIdentity.findById(caseId);
        if (row != null && !row.erased()) {
            cipher.shred(row.dataKeyId);
            row.blank(clock.instant());
            outbox.record(IdentityErased.TYPE, c.id.toString(), new IdentityErased(c.id, c.cellCode, row.erasedAt));
        }
        // Replayable answers to POSTs about this case (notes, referrals) go with the identity.
        idempotentResults.forgetBodiesAbout(caseId);
        access.succeeded(caller, scope, AuditAction.ERASE, CaseAccess.IDENTITY, c, Purpose.SURVIVOR_REQUEST.name());
    }

    /** Cases within the scope whose survivor's or guardian's CNIC is exactly this one. */
    @Transactional
    public List<Match> lookupByCnic(Caller caller, AccessScope scope, String cnic, Purpose purpose) {
        String index = cipher.blindIndex(CNIC_INDEX, Cnic.normalize(cnic));
        String cellCondition = scope.cell().isPresent() ? " and c.cellCode = :cell" : "";
        var query = SurvivorCase.getEntityManager().createQuery("""
                select c from SurvivorCase c, SurvivorIdentity i
                where i.caseId = c.id and i.erasedAt is null
                  and (i.cnicIndex = :index or i.guardianCnicIndex = :index)""" + cellCondition + " order by c.openedAt",
                SurvivorCase.class).setParameter("index", index);
        scope.cell().ifPresent(cell -> query.setParameter("cell", cell));
        List<SurvivorCase> found = query.getResultList();
        audit.record(new AuditEntry(caller, scope, AuditAction.SEARCH, LOOKUP, LOOKUP, scope.cell().orElse(null),
                purpose.name(), found.isEmpty() ? AuditOutcome.NOT_FOUND : AuditOutcome.SUCCESS));
        for (SurvivorCase c : found) {
            access.succeeded(caller, scope, AuditAction.SEARCH, CaseAccess.IDENTITY, c, purpose.name());
        }
        return found.stream().map(c -> new Match(c.id, c.reference, c.cellCode)).toList();
    }
}
