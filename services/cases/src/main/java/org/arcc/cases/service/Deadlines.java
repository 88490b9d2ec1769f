package org.arcc.cases.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.SurvivorCase;
import org.arcc.common.outbox.Outbox;
import org.arcc.contracts.cases.DeadlineBreached;

import io.quarkus.scheduler.Scheduled;

/**
 * The medico-legal exam deadline: a breach is recorded and published once per case, either when a late exam
 * is recorded or when the watcher finds an open case still waiting past its due time. Breaches live in their
 * own table, so recording one never writes to (and never collides with an update of) the case itself.
 */
@ApplicationScoped
public class Deadlines {

    static final String MEDICO_LEGAL_EXAM = "MEDICO_LEGAL_EXAM";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Within the caller's transaction: records and publishes the breach if the exam is late and none was yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordExamBreachIfLate(SurvivorCase c, Instant now) {
        if (!c.examDeadlineBreached(now)) {
            return;
        }
        int claimed = em.createNativeQuery("""
                INSERT INTO deadline_breach (case_id, deadline, due_at, detected_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (case_id, deadline) DO NOTHING""")
                .setParameter(1, c.id).setParameter(2, MEDICO_LEGAL_EXAM)
                .setParameter(3, Timestamp.from(c.examDueAt)).setParameter(4, Timestamp.from(now))
                .executeUpdate();
        if (claimed == 1) {
            outbox.record(DeadlineBreached.TYPE, c.id.toString(),
                    new DeadlineBreached(c.id, c.cellCode, MEDICO_LEGAL_EXAM, c.examDueAt, now));
        }
    }

    /** Open cases whose exam is overdue and whose breach is not recorded yet. */
    @Scheduled(every = "${arcc.cases.deadline-scan:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void watch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> overdue = em.createNativeQuery("""
                SELECT c.id FROM survivor_case c
                WHERE c.exam_done_at IS NULL AND c.exam_due_at < ?1 AND c.status <> 'CLOSED'
                  AND NOT EXISTS (SELECT 1 FROM deadline_breach b WHERE b.case_id = c.id AND b.deadline = ?2)""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, MEDICO_LEGAL_EXAM).getResultList();
        for (UUID id : overdue) {
            recordExamBreachIfLate(SurvivorCase.findById(id), now);
        }
    }
}
