package org.arcc.cases.domain.workflow;

import java.time.Instant;

import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.Decision;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;

/**
 * The rules of a case's workflow: one step at a time ({@link CaseStatus#canMoveTo}), the version the caller read
 * must still be the case's, only the cell supervisor approves a closure or reopens a closed case, and a reopening
 * states why.
 * <p>
 * {@link #move} checks a move, changes the case and returns what happened; it reads no database and publishes
 * nothing: {@code service/Workflow} loads the case, calls it, records the reopening and publishes the status
 * change (and the closure) it returns.
 */
public final class CaseWorkflow {

    private CaseWorkflow() {
    }

    /**
     * A move the caller asks for.
     *
     * @param target          the status the case is to move to
     * @param reason          why a closed case is reopened (required then), else ignored
     * @param expectedVersion the version the caller last read ({@code If-Match}), or null to skip the check
     */
    public record Move(CaseStatus target, String reason, Long expectedVersion) {
    }

    /**
     * Who moves the case.
     *
     * @param subject    the caller's subject
     * @param supervisor whether the caller is the cell supervisor
     */
    public record Actor(String subject, boolean supervisor) {
    }

    /**
     * The case moved.
     *
     * @param from      the status it left
     * @param to        the status it is in now
     * @param closed    it was closed: a closure is published besides the status change
     * @param reopening the reopening to record, when a closed case was reopened; else null
     */
    public record Moved(CaseStatus from, CaseStatus to, boolean closed, Reopening reopening) {
    }

    /** A closed case reopened: by whom, in which role, when, and why (stripped; staff free text, to be sealed). */
    public record Reopening(String by, String byRole, Instant at, String reason) {
    }

    /** Decides a move of the case at {@code now}. */
    public static Decision<Moved> move(SurvivorCase c, Actor actor, Move move, Instant now) {
        if (move.expectedVersion() != null && move.expectedVersion() != c.version) {
            return Decision.refused(ProblemType.PRECONDITION_FAILED, "The case is at version " + c.version + ", not "
                    + move.expectedVersion() + "; read it again");
        }
        CaseStatus target = move.target();
        if (!c.status.canMoveTo(target)) {
            return Decision.conflict("A case in " + c.status + " cannot move to " + target);
        }
        boolean closing = target == CaseStatus.CLOSED;
        boolean reopening = c.status == CaseStatus.CLOSED;
        if ((closing || reopening) && !actor.supervisor()) {
            return Decision.refused(ProblemType.FORBIDDEN, "Only the cell supervisor " + (closing ? "approves a closure"
                    : "reopens a case"));
        }
        if (reopening && (move.reason() == null || move.reason().isBlank())) {
            return Decision.invalid("Reopening a case needs a reason");
        }
        CaseStatus from = c.status;
        c.status = target;
        c.closedAt = closing ? now : null;
        return Decision.taken(new Moved(from, target, closing,
                reopening ? new Reopening(actor.subject(), Role.CELL_SUPERVISOR, now, move.reason().strip()) : null));
    }
}
