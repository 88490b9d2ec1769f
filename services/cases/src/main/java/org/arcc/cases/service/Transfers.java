package org.arcc.cases.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.CaseTransfer;
import org.arcc.cases.domain.Cell;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.TransferAccepted;
import org.arcc.contracts.cases.TransferDeclined;
import org.arcc.contracts.cases.TransferProposed;
import org.arcc.vocabulary.ProblemType;

/**
 * Moving a case between cities: the owning cell proposes, the receiving cell accepts or declines. On
 * acceptance the case belongs to the receiving cell, and the sending cell no longer sees it.
 */
@ApplicationScoped
public class Transfers {

    static final String RESOURCE = "case-transfer";

    @Inject
    CaseAccess access;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    FieldCipher cipher;

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public CaseTransfer propose(Caller caller, AccessScope scope, UUID caseId, String toCell, String reason) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.CREATE, RESOURCE, CaseIntake.CASE_WORK);
        if (Cell.findById(toCell) == null) {
            throw new ProblemException(ProblemType.VALIDATION, "There is no cell " + toCell);
        }
        if (toCell.equals(c.cellCode)) {
            throw new ProblemException(ProblemType.VALIDATION, "The case already belongs to " + toCell);
        }
        if (c.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("A closed case is not transferred");
        }
        if (CaseTransfer.count("caseId = ?1 and status = ?2", c.id, CaseTransfer.Status.PROPOSED) > 0) {
            throw ProblemException.conflict("This case already has a transfer waiting for a decision");
        }
        CaseTransfer transfer = new CaseTransfer();
        transfer.id = UUID.randomUUID();
        transfer.caseId = c.id;
        transfer.fromCell = c.cellCode;
        transfer.toCell = toCell;
        transfer.status = CaseTransfer.Status.PROPOSED;
        if (reason != null) {
            FieldCipher.OpenKey key = cipher.newDataKey(transfer.id.toString());
            transfer.dataKeyId = key.id();
            transfer.reason = cipher.encrypt(key, CaseTransfer.REASON, reason);
        }
        transfer.proposedBy = caller.subject();
        transfer.proposedAt = clock.instant();
        transfer.persist();
        outbox.record(TransferProposed.TYPE, c.id.toString(), new TransferProposed(c.id, transfer.id, transfer.fromCell,
                transfer.toCell, transfer.proposedAt));
        access.succeeded(caller, scope, AuditAction.CREATE, RESOURCE, c, CaseIntake.CASE_WORK);
        return transfer;
    }

    @Transactional
    public CaseTransfer accept(Caller caller, UUID transferId) {
        CaseTransfer transfer = openTransferFor(caller, transferId);
        SurvivorCase c = SurvivorCase.findById(transfer.caseId);
        transfer.status = CaseTransfer.Status.ACCEPTED;
        transfer.decidedBy = caller.subject();
        transfer.decidedAt = clock.instant();
        c.cellCode = transfer.toCell;
        outbox.record(TransferAccepted.TYPE, c.id.toString(), new TransferAccepted(c.id, transfer.id, transfer.fromCell,
                transfer.toCell, transfer.decidedAt));
        access.succeeded(caller, AccessScope.ownCell(caller), AuditAction.UPDATE, RESOURCE, c, CaseIntake.CASE_WORK);
        return transfer;
    }

    @Transactional
    public CaseTransfer decline(Caller caller, UUID transferId, String reason) {
        CaseTransfer transfer = openTransferFor(caller, transferId);
        SurvivorCase c = SurvivorCase.findById(transfer.caseId);
        transfer.status = CaseTransfer.Status.DECLINED;
        transfer.decidedBy = caller.subject();
        transfer.decidedAt = clock.instant();
        FieldCipher.OpenKey key = transfer.dataKeyId == null ? cipher.newDataKey(transfer.id.toString())
                : cipher.open(transfer.dataKeyId, transfer.id.toString());
        transfer.dataKeyId = key.id();
        transfer.declineReason = cipher.encrypt(key, CaseTransfer.DECLINE_REASON, reason);
        outbox.record(TransferDeclined.TYPE, c.id.toString(), new TransferDeclined(c.id, transfer.id, transfer.fromCell,
                transfer.toCell, transfer.decidedAt));
        access.succeeded(caller, AccessScope.ownCell(caller), AuditAction.UPDATE, RESOURCE, c, CaseIntake.CASE_WORK);
        return transfer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseTransfer> ofMyCell(Caller caller) {
        return CaseTransfer.involving(caller.requireCell());
    }

    private static CaseTransfer openTransferFor(Caller caller, UUID transferId) {
        return CaseTransfer.openTo(transferId, caller.requireCell())
                .orElseThrow(() -> ProblemException.notFound("Transfer " + transferId + " waiting for your cell"));
    }
}
