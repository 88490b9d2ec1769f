package org.arcc.cases.domain;

/** Where a case stands in the cell's workflow. */
public enum CaseStatus {
    INTAKE, ASSESSMENT, ACTION_PLAN, IMPLEMENTATION, FOLLOW_UP, CLOSED
}
