package org.arcc.cases.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.arcc.cases.domain.SurvivorCase;

/** A case as staff of its cell see it: reference, codes, times and deadlines, no identity. */
public record CaseView(UUID id, String reference, String cell, String channel, String ageBand, boolean child,
        String status, Instant arrivedAt, Instant openedAt, Instant closedAt, List<DeadlineView> deadlines, long version) {

    /** A deadline of the case: {@code PENDING}, {@code MET} or {@code BREACHED}. */
    public record DeadlineView(String deadline, Instant dueAt, Instant metAt, String status) {
    }

    static CaseView of(SurvivorCase c) {
        Instant now = Instant.now();
        String exam = c.examDoneAt != null ? (c.examDeadlineBreached(now) ? "BREACHED" : "MET")
                : (c.examDeadlineBreached(now) ? "BREACHED" : "PENDING");
        return new CaseView(c.id, c.reference, c.cellCode, c.channel.name(), c.ageBand.name(), c.ageBand.isChild(),
                c.status.name(), c.arrivedAt, c.openedAt, c.closedAt,
                List.of(new DeadlineView("MEDICO_LEGAL_EXAM", c.examDueAt, c.examDoneAt, exam)), c.version);
    }
}
