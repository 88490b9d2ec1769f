package org.arcc.evidence.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.contracts.evidence.DisposalScheduled;
import org.arcc.evidence.config.EvidenceSettings;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.Stage;

/**
 * Disposal: only after the item type's retention period, only with the approval of a supervisor of the
 * item's cell, and only after advance notice (an event) has run its course.
 */
@ApplicationScoped
public class Disposals {

    @Inject
    ItemAccess access;

    @Inject
    CustodyLog log;

    @Inject
    EvidenceSettings settings;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public EvidenceItem approve(Caller caller, UUID itemId, String reason) {
        // Only a cell supervisor gets here (@RolesAllowed), and staff see only their own cell's items.
        EvidenceItem item = access.visibleForUpdate(caller, itemId);
        if (item.stage == Stage.DISPOSED || item.disposeFrom != null) {
            throw ProblemException.conflict("Disposal of " + item.kitNumber + " was already approved");
        }
        Instant now = clock.instant();
        Instant retainUntil = retainUntil(item);
        if (now.isBefore(retainUntil)) {
            throw ProblemException.conflict("The retention period of " + item.kitNumber + " runs until " + retainUntil);
        }
        item.disposeFrom = now.plus(settings.disposalNotice());
        log.append(item, CustodyAction.DISPOSAL_SCHEDULED, EvidenceItems.recordedBy(caller), now,
                Map.of("reason", reason, "retainUntil", retainUntil.toString(), "disposeFrom", item.disposeFrom.toString()));
        outbox.record(DisposalScheduled.TYPE, item.id.toString(), new DisposalScheduled(item.id, item.caseId,
                item.cellCode, item.type.name(), retainUntil, item.disposeFrom, now));
        return item;
    }

    public Instant retainUntil(EvidenceItem item) {
        Duration retention = settings.retention().getOrDefault(item.type, settings.defaultRetention());
        return item.collectedAt.plus(retention);
    }
}
