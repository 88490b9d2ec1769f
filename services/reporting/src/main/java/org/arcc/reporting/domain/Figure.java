package org.arcc.reporting.domain;

/**
 * One published figure. A suppressed figure has no value and shows "&lt; k"; it never says why it was
 * suppressed (small, or to protect another).
 *
 * @param value   the count, percentage or hours; null when suppressed
 * @param display the value as text, or "&lt; k"
 * @param unit    null for a count
 */
public record Figure(String geography, Geography.Level geographyLevel, String period, Periods.Level periodLevel,
        String category, Number value, boolean suppressed, String display, ReportTable.Unit unit) {
}
