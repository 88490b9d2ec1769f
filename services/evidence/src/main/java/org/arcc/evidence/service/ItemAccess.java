package org.arcc.evidence.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.evidence.domain.CustodyTransfer;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.Holder;

/**
 * Who may see an item: staff of the cell whose case it belongs to, and the custodian that holds it or to
 * whom it is on its way. Anyone else is told it does not exist (404), as for another cell's case.
 */
@ApplicationScoped
public class ItemAccess {

    public EvidenceItem visible(Caller caller, UUID itemId) {
        return seen(caller, itemId, EvidenceItem.findById(itemId));
    }

    /**
     * The item, locked until the transaction ends: two steps on one item (two handovers racing, say) are
     * decided one after the other, never both on the same stale state.
     */
    public EvidenceItem visibleForUpdate(Caller caller, UUID itemId) {
        return seen(caller, itemId, EvidenceItem.findById(itemId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    private static EvidenceItem seen(Caller caller, UUID itemId, EvidenceItem item) {
        if (item == null || !canSee(caller, item)) {
            throw ProblemException.notFound("Evidence item " + itemId + " does not exist or is not visible to you");
        }
        return item;
    }

    public EvidenceItem visibleByKit(Caller caller, String kitNumber) {
        EvidenceItem item = EvidenceItem.byKitNumber(kitNumber).orElse(null);
        if (item == null || !canSee(caller, item)) {
            throw ProblemException.notFound("Kit " + kitNumber + " does not exist or is not visible to you");
        }
        return item;
    }

    /** The organisation the caller acts for: their cell, or their custodian organisation. */
    public static Holder actingFor(Caller caller) {
        if (caller.hasRole(Roles.CUSTODIAN) && caller.custodian().isPresent()) {
            return Holder.custodian(caller.custodian().get());
        }
        return Holder.cell(caller.requireCell());
    }

    static boolean canSee(Caller caller, EvidenceItem item) {
        if (caller.custodian().isPresent() && caller.hasRole(Roles.CUSTODIAN)) {
            Holder me = Holder.custodian(caller.custodian().get());
            return me.toString().equals(item.holder) || CustodyTransfer.openFor(item.id)
                    .map(t -> t.toHolder.equals(me.toString())).orElse(false);
        }
        return caller.cell().map(item.cellCode::equals).orElse(false)
                && Roles.CELL_READERS.stream().anyMatch(caller::hasRole);
    }
}
