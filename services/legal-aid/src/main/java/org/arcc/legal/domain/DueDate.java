package org.arcc.legal.domain;

import java.time.Instant;

/**
 * A deadline on a file: the step is due before {@code dueAt} (for a rule counted in days, the start of the day after
 * the last day); once it happened, when (a step recorded by its day counts from the start of that day).
 *
 * @param metAt null while the step has not happened
 */
public record DueDate(DeadlineRule rule, Instant dueAt, Instant metAt) {

    public enum Status {
        UPCOMING, OVERDUE, MET, MET_LATE
    }

    public Status status(Instant now) {
        if (metAt != null) {
            return metAt.isBefore(dueAt) ? Status.MET : Status.MET_LATE;
        }
        return now.isBefore(dueAt) ? Status.UPCOMING : Status.OVERDUE;
    }

    /** Missed: overdue now, or met after it was due. */
    public boolean breached(Instant now) {
        Status s = status(now);
        return s == Status.OVERDUE || s == Status.MET_LATE;
    }
}
