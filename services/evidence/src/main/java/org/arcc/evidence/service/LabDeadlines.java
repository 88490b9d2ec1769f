package org.arcc.evidence.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.contracts.evidence.EvidenceDeadlineBreached;
import org.arcc.evidence.config.EvidenceSettings;
import org.arcc.evidence.domain.EvidenceItem;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * A DNA sample must reach a lab within {@code arcc.evidence.dna-to-lab} (72 h) of collection. A breach is
 * recorded once per item, by the watcher or when a late receipt is recorded, and published. Restricted items
 * are left out: without consent to testing they may not go to a lab at all.
 */
@ApplicationScoped
public class LabDeadlines {

    public static final String DNA_TO_LAB = "DNA_TO_LAB";
    private static final Logger LOG = Logger.getLogger(LabDeadlines.class);

    @Inject
    EvidenceSettings settings;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Scheduled(every = "{arcc.evidence.deadline-scan}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        try {
            breachOverdue();
        } catch (RuntimeException e) {
            LOG.warnf("DNA-to-lab deadline scan failed, will retry: %s", e.getMessage());
        }
    }

    @Transactional
    public int breachOverdue() {
        Instant cutoff = clock.instant().minus(settings.dnaToLab());
        List<EvidenceItem> overdue = EvidenceItem.list("type in ?1 and restricted = false and labReceivedAt is null"
                + " and collectedAt < ?2 and disposedAt is null", settings.dnaTypes(), cutoff);
        int breached = 0;
        for (EvidenceItem item : overdue) {
            if (claim(item)) {
                breached++;
            }
        }
        return breached;
    }

    /** Called in the receipt's transaction when a DNA sample reaches its first lab. */
    @Transactional(Transactional.TxType.MANDATORY)
    void checkOnLabReceipt(EvidenceItem item) {
        if (settings.dnaTypes().contains(item.type)
                && item.labReceivedAt.isAfter(item.collectedAt.plus(settings.dnaToLab()))) {
            claim(item);
        }
    }

    private boolean claim(EvidenceItem item) {
        Instant due = item.collectedAt.plus(settings.dnaToLab());
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("INSERT INTO evidence_deadline_breach (item_id, deadline, due_at, detected_at)"
                + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING").setParameter(1, item.id).setParameter(2, DNA_TO_LAB)
                .setParameter(3, due).setParameter(4, now).executeUpdate();
        if (inserted == 1) {
            outbox.record(EvidenceDeadlineBreached.TYPE, item.id.toString(), new EvidenceDeadlineBreached(item.id,
                    item.caseId, item.cellCode, DNA_TO_LAB, due, now));
            return true;
        }
        return false;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Instant breachedAt(EvidenceItem item) {
        List<?> rows = em.createNativeQuery("SELECT detected_at FROM evidence_deadline_breach WHERE item_id = ?1")
                .setParameter(1, item.id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object v = rows.get(0);
        return v instanceof Instant i ? i : v instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) v).toInstant();
    }
}
