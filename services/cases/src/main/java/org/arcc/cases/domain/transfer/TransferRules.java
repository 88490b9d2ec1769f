package org.arcc.cases.domain.transfer;

import java.time.Instant;
import java.util.UUID;

import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.CaseTransfer;
import org.arcc.cases.domain.Decision;
import org.arcc.cases.domain.SurvivorCase;

/**
 * The rules of moving a case between cells: the owning cell proposes a move to another, existing cell; a closed
 * case is not transferred and a case has at most one transfer waiting for a decision; only a waiting transfer is
 * accepted or declined, and on acceptance the case belongs to the receiving cell.
 * <p>
 * The rules change the transfer (and the case) and return it; {@code service/Transfers} seals the reasons,
 * persists and publishes.
 */
public final class TransferRules {

    private TransferRules() {
    }

    /** What the rules need to know about the other records: whether the cell exists, whether a transfer waits. */
    public record Known(boolean toCellExists, boolean transferWaiting) {
    }

    /** Decides a proposal to move the case to {@code toCell}: the new transfer, not yet stored, its reason unsealed. */
    public static Decision<CaseTransfer> propose(SurvivorCase c, String toCell, Known known, String proposedBy,
            Instant at) {
        if (!known.toCellExists()) {
            return Decision.invalid("There is no cell " + toCell);
        }
        if (toCell.equals(c.cellCode)) {
            return Decision.invalid("The case already belongs to " + toCell);
        }
        if (c.status == CaseStatus.CLOSED) {
            return Decision.conflict("A closed case is not transferred");
        }
        if (known.transferWaiting()) {
            return Decision.conflict("This case already has a transfer waiting for a decision");
        }
        CaseTransfer transfer = new CaseTransfer();
        transfer.id = UUID.randomUUID();
        transfer.caseId = c.id;
        transfer.fromCell = c.cellCode;
        transfer.toCell = toCell;
        transfer.status = CaseTransfer.Status.PROPOSED;
        transfer.proposedBy = proposedBy;
        transfer.proposedAt = at;
        return Decision.taken(transfer);
    }

    /** Decides the receiving cell's acceptance: the case now belongs to it. */
    public static Decision<CaseTransfer> accept(CaseTransfer transfer, SurvivorCase c, String decidedBy, Instant at) {
        Decision<CaseTransfer> waiting = decide(transfer, CaseTransfer.Status.ACCEPTED, decidedBy, at);
        if (waiting instanceof Decision.Taken<CaseTransfer>) {
            c.cellCode = transfer.toCell;
        }
        return waiting;
    }

    /** Decides the receiving cell's refusal: the case stays where it is. */
    public static Decision<CaseTransfer> decline(CaseTransfer transfer, String decidedBy, Instant at) {
        return decide(transfer, CaseTransfer.Status.DECLINED, decidedBy, at);
    }

    private static Decision<CaseTransfer> decide(CaseTransfer transfer, CaseTransfer.Status outcome, String decidedBy,
            Instant at) {
        if (transfer.status != CaseTransfer.Status.PROPOSED) {
            return Decision.conflict("This transfer was already " + transfer.status.name().toLowerCase());
        }
        transfer.status = outcome;
        transfer.decidedBy = decidedBy;
        transfer.decidedAt = at;
        return Decision.taken(transfer);
    }
}
