package org.arcc.cases.domain.medicolegal;

/**
 * One thing a check found. The detail names fields and codes only, never what the officer wrote: findings are
 * returned to the client and may be logged.
 */
public record CheckFinding(ReportCheck check, String detail) {
}
