package org.arcc.reporting.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Counted cases for the figure rules: {@code ACase.arrived("KHI", "2026-01").child().examAfterHours(4).build()}. */
public final class ACase {

    private final String cell;
    private final Instant arrivedAt;
    private String ageBand = "ADULT_18_24";
    private String sexGender = "FEMALE";
    private String channel = "WALK_IN";
    private String incidentType = "RAPE";
    private Instant examAt;
    private final List<CaseRecord.Item> items = new ArrayList<>();
    private CaseRecord.Justice justice = CaseRecord.Justice.NONE;
    private final List<CaseRecord.Report> reports = new ArrayList<>();

    private ACase(String cell, Instant arrivedAt) {
        this.cell = cell;
        this.arrivedAt = arrivedAt;
    }

    /** Arrived on the 10th of the month at noon, Pakistan time. */
    public static ACase arrived(String cell, String month) {
        return new ACase(cell, LocalDateTime.parse(month + "-10T12:00").atZone(Periods.PAKISTAN).toInstant());
    }

    public ACase child() {
        ageBand = "CHILD_12_17";
        return this;
    }

    public ACase ageBand(String code) {
        ageBand = code;
        return this;
    }

    public ACase channel(String code) {
        channel = code;
        return this;
    }

    public ACase examAfterHours(double hours) {
        examAt = arrivedAt.plus(Duration.ofMinutes((long) (hours * 60)));
        return this;
    }

    public ACase dnaToLabAfterHours(double hours) {
        items.add(new CaseRecord.Item(true, false, arrivedAt, arrivedAt.plus(Duration.ofMinutes((long) (hours * 60))),
                null, false));
        return this;
    }

    public ACase firAfterHours(long hours) {
        justice = new CaseRecord.Justice(arrivedAt.plus(Duration.ofHours(hours)), hours * 60, false, false, null, false);
        return this;
    }

    /** A medico-legal report signed {@code hours} after the exam began (at arrival), with the checks overridden. */
    public ACase reportSignedAfterHours(double hours, String... overriddenChecks) {
        reports.add(new CaseRecord.Report(1, arrivedAt, arrivedAt.plus(Duration.ofMinutes((long) (hours * 60))),
                Set.of(overriddenChecks)));
        return this;
    }

    /** An amendment (version 2 onwards) of the case's report. */
    public ACase reportAmended() {
        reports.add(new CaseRecord.Report(Math.max(2, reports.size() + 1), null, arrivedAt.plus(Duration.ofDays(2)), Set.of()));
        return this;
    }

    public CaseRecord build() {
        return new CaseRecord(cell, arrivedAt, channel, ageBand, sexGender, incidentType,
                examAt == null ? Set.of() : Set.of("MEDICO_LEGAL_EXAM"), examAt, List.copyOf(items), 0, Set.of(), justice,
                List.of(), List.copyOf(reports));
    }
}
