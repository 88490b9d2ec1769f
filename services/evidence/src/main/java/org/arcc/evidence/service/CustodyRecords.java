package org.arcc.evidence.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.contracts.evidence.CustodyAnomalyRaised;
import org.arcc.evidence.domain.Custodian;
import org.arcc.evidence.domain.CustodyEntryRow;
import org.arcc.evidence.domain.CustodyTransfer;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.Holder;
import org.arcc.evidence.domain.custody.CustodyDecision;
import org.arcc.evidence.domain.custody.CustodyStep;
import org.arcc.evidence.domain.custody.ItemCustody;
import org.arcc.vocabulary.ProblemType;

/**
 * Records a custody step: loads the item (locked) and its open handover, lets {@link ItemCustody} decide,
 * then appends the entry, saves the handover and publishes the anomalies the decision names.
 */
@ApplicationScoped
public class CustodyRecords {

    private static final ItemCustody.Custodians CUSTODIANS = id -> Optional
            .ofNullable(Custodian.<Custodian>findById(id)).map(c -> c.kind);

    @Inject
    ItemAccess access;

    @Inject
    CustodyLog log;

    @Inject
    LabDeadlines deadlines;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** @param at when it happened, or null for now */
    @Transactional
    public CustodyEntryRow record(Caller caller, UUID itemId, CustodyStep step, Instant at) {
        EvidenceItem item = access.visibleForUpdate(caller, itemId);
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        Holder me = ItemAccess.actingFor(caller);
        ItemCustody.Actor actor = new ItemCustody.Actor(me, Roles.CELL_STAFF.stream().anyMatch(caller::hasRole));
        ItemCustody custody = new ItemCustody(item, CustodyTransfer.openFor(item.id).orElse(null), CUSTODIANS);
        CustodyDecision decision = custody.decide(actor, step, when, now);
        if (decision instanceof CustodyDecision.Refused refused) {
            throw refusal(refused);
        }
        CustodyDecision.Recorded recorded = (CustodyDecision.Recorded) decision;
        if (recorded.reachedFirstLab()) {
            deadlines.checkOnLabReceipt(item);
        }
        CustodyEntryRow entry = log.append(item, recorded.action(), EvidenceItems.recordedBy(caller), when,
                recorded.details());
        CustodyTransfer handover = recorded.handover();
        if (handover != null) {
            handover.sentSequence = entry.sequence;
            handover.persist();
        }
        for (CustodyDecision.Anomaly anomaly : recorded.anomalies()) {
            item.anomalies++;
            outbox.record(CustodyAnomalyRaised.TYPE, item.id.toString(), new CustodyAnomalyRaised(item.id, item.caseId,
                    item.cellCode, anomaly.name(), entry.sequence, entry.leafIndex, clock.instant()));
        }
        return entry;
    }

    private static RuntimeException refusal(CustodyDecision.Refused refused) {
        if (refused.type() == ProblemType.FORBIDDEN) {
            return new io.quarkus.security.ForbiddenException(refused.detail());
        }
        return new ProblemException(refused.type(), refused.detail());
    }
}
