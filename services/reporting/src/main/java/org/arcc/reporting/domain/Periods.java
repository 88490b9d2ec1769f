package org.arcc.reporting.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The months a report covers, and their quarter and year totals. A quarter or year only partly inside the range
 * totals the months of the range (a report from 2026-02 shows 2026-Q1 as February and March). Months are
 * Pakistan time: a survivor who arrived at 01:00 on 1 March in Karachi counts in March.
 */
public final class Periods {

    public static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

    public enum Level {
        MONTH, QUARTER, YEAR
    }

    private final YearMonth from;
    private final YearMonth to;

    public Periods(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
        this.from = from;
        this.to = to;
    }

    public YearMonth from() {
        return from;
    }

    public YearMonth to() {
        return to;
    }

    public static String monthOf(Instant at) {
        return YearMonth.from(at.atZone(PAKISTAN)).toString();
    }

    public static String quarterOf(String month) {
        YearMonth m = YearMonth.parse(month);
        return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
    }

    public static String yearOf(String month) {
        return month.substring(0, 4);
    }

    public boolean covers(String month) {
        YearMonth m = YearMonth.parse(month);
        return !m.isBefore(from) && !m.isAfter(to);
    }

    public List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    public List<String> quarters() {
        Set<String> quarters = new LinkedHashSet<>();
        months().forEach(m -> quarters.add(quarterOf(m)));
        return List.copyOf(quarters);
    }

    public List<String> years() {
        Set<String> years = new LinkedHashSet<>();
        months().forEach(m -> years.add(yearOf(m)));
        return List.copyOf(years);
    }

    /** Months, then quarters, then years: the order rows are listed in. */
    public List<String> codes() {
        List<String> codes = new ArrayList<>(months());
        codes.addAll(quarters());
        codes.addAll(years());
        return codes;
    }

    public static Level levelOf(String code) {
        if (code.contains("-Q")) {
            return Level.QUARTER;
        }
        return code.length() == 4 ? Level.YEAR : Level.MONTH;
    }

    /** Whether a figure of period {@code code} includes month {@code month}. */
    public static boolean contains(String code, String month) {
        return switch (levelOf(code)) {
            case MONTH -> code.equals(month);
            case QUARTER -> code.equals(quarterOf(month));
            case YEAR -> code.equals(yearOf(month));
        };
    }
}
