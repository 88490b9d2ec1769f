package org.arcc.cases.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.CaseTransfer;
import org.arcc.cases.domain.Cell;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.domain.transfer.TransferRules;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.TransferAccepted;
import org.arcc.contracts.cases.TransferDeclined;
import org.arcc.contracts.cases.TransferProposed;

/**
 * Moving a case between cities: the owning cell proposes, the receiving cell accepts or declines. On
 * acceptance the case belongs to the receiving cell, and the sending cell no longer sees it. The rules are
 * {@link TransferRules}; this class loads, seals the reasons, persists and publishes.
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
        CaseTransfer transfer = TransferRules.propose(c, toCell, new TransferRules.Known(Cell.findById(toCell) != null,
                CaseTransfer.count("caseId = ?1 and status = ?2", c.id, CaseTransfer.Status.PROPOSED) > 0),
                caller.subject(), clock.instant()).orElseThrow();
        if (reason != null) {
            FieldCipher.OpenKey key = cipher.newDataKey(transfer.id.toString());
            transfer.dataKeyId = key.id();
            transfer.reason = cipher.encrypt(key, CaseTransfer.REASON, reason);
        }
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
        TransferRules.accept(transfer, c, caller.subject(), clock.instant()).orElseThrow();
        outbox.record(TransferAccepted.TYPE, c.id.toString(), new TransferAccepted(c.id, transfer.id, transfer.fromCell,
                transfer.toCell, transfer.decidedAt));
        access.succeeded(caller, AccessScope.ownCell(caller), AuditAction.UPDATE, RESOURCE, c, CaseIntake.CASE_WORK);
        return transfer;
    }

    @Transactional
    public CaseTransfer decline(Caller caller, UUID transferId, String reason) {
        CaseTransfer transfer = openTransferFor(caller, transferId);
        SurvivorCase c = SurvivorCase.findById(transfer.caseId);
        TransferRules.decline(transfer, caller.subject(), clock.instant()).orElseThrow();
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
