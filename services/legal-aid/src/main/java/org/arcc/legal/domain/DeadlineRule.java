package org.arcc.legal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * One deadline rule: how long after its starting point a step is due, where that period comes from, and whether
 * the law sets it (statutory) or the programme does (policy target).
 *
 * @param period   ISO-8601: a calendar period ({@code P4M}, {@code P14D}) or a duration ({@code PT24H})
 */
public record DeadlineRule(DeadlineCode code, String period, boolean statutory, String source) {

    public DeadlineRule {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("Deadline rule " + code + " must name its source");
        }
        dueAfter(Instant.EPOCH, period); // fails at start-up on a period that cannot be read
    }

    /** When the step is due, from an instant it starts at; calendar periods count in Pakistan time. */
    public Instant dueAfter(Instant start) {
        return dueAfter(start, period);
    }

    /** When the step is due, from the day it starts on: by the end of the day the period ends (Pakistan time). */
    public Instant dueAfter(LocalDate start) {
        Instant startOfDay = start.atStartOfDay(LegalFile.PAKISTAN).toInstant();
        return dueAfter(startOfDay, period)
                .atZone(LegalFile.PAKISTAN).toLocalDate().plusDays(1).atStartOfDay(LegalFile.PAKISTAN).toInstant();
    }

    private static Instant dueAfter(Instant start, String period) {
        try {
            if (period.startsWith("PT")) {
                return start.plus(Duration.parse(period));
            }
            return start.atZone(LegalFile.PAKISTAN).plus(Period.parse(period)).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("Deadline period " + period + " is not ISO-8601 (P4M, P14D, PT24H)");
        }
    }
}
