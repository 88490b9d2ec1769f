package org.arcc.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.common.outbox.Outbox;
import org.arcc.contracts.cases.DeadlineBreached;

import io.quarkus.scheduler.Scheduled;

/**
 * The medico-legal exam deadline: a breach is published once per case, either when a late exam is recorded
 * or when the watcher finds an open case still waiting past its due time.
 */
@ApplicationScoped
public class Deadlines {

    static final String MEDICO_LEGAL_EXAM = "MEDICO_LEGAL_EXAM";

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Within the caller's transaction: publishes the breach if the exam was late and none was published yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordExamBreachIfLate(SurvivorCase c, Instant now) {
        if (c.examBreachRecordedAt == null && c.examDeadlineBreached(now)) {
            c.examBreachRecordedAt = now;
            outbox.record(DeadlineBreached.TYPE, c.id.toString(),
                    new DeadlineBreached(c.id, c.cellCode, MEDICO_LEGAL_EXAM, c.examDueAt, now));
        }
    }

    /** Open cases whose exam is overdue and whose breach nobody has published yet. */
    @Scheduled(every = "${arcc.cases.deadline-scan:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void watch() {
        Instant now = clock.instant();
        List<SurvivorCase> overdue = SurvivorCase.list("""
                examDoneAt is null and examBreachRecordedAt is null and examDueAt < ?1 and status <> ?2""",
                now, CaseStatus.CLOSED);
        overdue.forEach(c -> recordExamBreachIfLate(c, now));
    }
}
