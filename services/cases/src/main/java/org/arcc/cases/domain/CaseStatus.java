package org.arcc.cases.domain;

/**
 * Where a case stands in the cell's workflow: intake → assessment → action plan → implementation →
 * follow-up → closed, one step at a time; a closed case can be reopened into assessment.
 */
public enum CaseStatus {
    INTAKE, ASSESSMENT, ACTION_PLAN, IMPLEMENTATION, FOLLOW_UP, CLOSED;

    public boolean canMoveTo(CaseStatus next) {
        if (this == CLOSED) {
            return next == ASSESSMENT;
        }
        return next.ordinal() == ordinal() + 1;
    }
}
