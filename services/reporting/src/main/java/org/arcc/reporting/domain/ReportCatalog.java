package org.arcc.reporting.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published tables, the groups of counts they show, and how a counted case or referral is tallied into them
 * (docs/reporting.md, "Figures and definitions"). One group may appear in several tables (the DNA-to-lab counts
 * are in deadline compliance and in evidence turnaround); it is counted and protected once, so both tables
 * suppress the same cells.
 */
public final class ReportCatalog {

    public static final Duration EXAM_LIMIT = Duration.ofHours(6);
    public static final Duration DNA_TO_LAB_LIMIT = Duration.ofHours(72);
    public static final Duration FIR_LIMIT = Duration.ofHours(24);

    public static final String SURVIVORS = "survivors";

    static final Group AGE_BAND = new Group("age-band", SURVIVORS, "TOTAL",
            List.of("CHILD_0_11", "CHILD_12_17", "ADULT_18_24", "ADULT_25_59", "ADULT_60_PLUS", "UNKNOWN"));
    static final Group CHILD_ADULT = new Group("child-adult", SURVIVORS, "TOTAL", List.of("CHILD", "ADULT", "UNKNOWN"));
    static final Group SEX_GENDER = new Group("sex-gender", SURVIVORS, "TOTAL",
            List.of("FEMALE", "MALE", "TRANSGENDER", "INTERSEX", "NOT_STATED"));
    static final Group INCIDENT_TYPE = new Group("incident-type", SURVIVORS, "TOTAL", List.of("RAPE", "SEXUAL_ASSAULT",
            "PHYSICAL_ASSAULT", "FORCED_MARRIAGE", "DENIAL_OF_RESOURCES", "PSYCHOLOGICAL_ABUSE", "NOT_CLASSIFIED"));
    static final Group CHANNEL = new Group("channel", SURVIVORS, "TOTAL",
            List.of("WALK_IN", "POLICE", "NGO_REFERRAL", "HOTLINE", "TRANSFER", "OTHER"));

    static final Group EXAMS = new Group("exams", "exams", "EXAMS", List.of("EXAM_WITHIN_6H", "EXAM_LATE"));
    static final Group DNA = new Group("dna-to-lab", "dna-samples", "DNA_SAMPLES",
            List.of("DNA_TO_LAB_WITHIN_72H", "DNA_TO_LAB_LATE"));
    static final Group FIR = new Group("fir", "firs", "FIR_REGISTERED", List.of("FIR_WITHIN_24H", "FIR_LATE"));
    static final Group FIR_REFUSED = Group.single("FIR_REFUSED", "fir-refusals");
    static final Group TRIALS_OPEN = Group.single("TRIAL_OPEN", "open-trials");
    static final Group VERDICTS = new Group("verdicts", "decided-trials", "DECIDED", List.of("CONVICTED", "ACQUITTED", "OTHER"));
    static final Group TRIAL_DURATION = new Group("trial-duration", "decided-trials", "DECIDED",
            List.of("CONCLUDED_WITHIN_4_MONTHS", "CONCLUDED_LATE"));

    static final Group ITEMS = new Group("items", "evidence-items", "COLLECTED", List.of("TESTABLE", "RESTRICTED"));
    static final Group TO_LAB = Group.single("SUBMITTED_TO_LAB", "items-to-lab");
    static final Group ANALYSED = Group.single("ANALYSED", "items-analysed");
    static final Group ANOMALIES = Group.single("ANOMALIES", "custody-anomalies");

    static final Group SIGNED_REPORTS = new Group("signed-reports", "signed-reports", "SIGNED",
            List.of("SIGNED_WITHOUT_OVERRIDE", "SIGNED_WITH_OVERRIDE"));
    static final Group AMENDED_REPORTS = Group.single("AMENDED", "amended-reports");

    static final Group REFERRALS = new Group("referrals", "referrals", "RECEIVED", List.of("ACCEPTED", "DECLINED", "PENDING"));
    static final Group ONWARD = new Group("onward-referrals", "onward-referrals", "ONWARD_MADE",
            List.of("ONWARD_ACCEPTED", "ONWARD_DECLINED", "ONWARD_WITHDRAWN", "ONWARD_PENDING"));

    public static final List<String> SERVICES = List.of("MEDICAL_TREATMENT", "MEDICO_LEGAL_EXAM",
            "FORENSIC_EVIDENCE_COLLECTION", "PSYCHOSOCIAL_COUNSELLING", "LEGAL_GUIDANCE", "FIR_ASSISTANCE", "LEGAL_AID",
            "SHELTER_REFERRAL");
    public static final List<String> DEADLINE_RULES = List.of("MEDICO_LEGAL_EXAM", "DNA_TO_LAB", "FIR_AFTER_ARRIVAL",
            "S173_REPORT", "TRIAL_CONCLUDED", "APPEAL_DECIDED");

    static final Map<String, Group> SERVICE_GROUPS = singles(SERVICES, "service-");
    static final Map<String, Group> BREACH_GROUPS = singles(DEADLINE_RULES, "breach-");

    static final String EXAM_HOURS = "exam-hours";
    static final String TO_LAB_HOURS = "to-lab-hours";
    static final String RESULT_HOURS = "result-hours";
    static final String FIR_HOURS = "fir-hours";
    static final String SIGN_HOURS = "sign-hours";

    private static final List<ReportTable> TABLES = List.of(
            survivors("survivors-by-age-band", "Survivors by age band", "ageBand", AGE_BAND),
            survivors("survivors-by-child-adult", "Survivors, children and adults", "childAdult", CHILD_ADULT),
            survivors("survivors-by-sex-gender", "Survivors by sex/gender", "sexGender", SEX_GENDER),
            survivors("survivors-by-incident-type", "Survivors by incident type (GBVIMS)", "incidentType", INCIDENT_TYPE),
            survivors("survivors-by-channel", "Survivors by intake channel", "channel", CHANNEL),
            new ReportTable("services-delivered", "Survivors who received each service under one roof", "service",
                    List.copyOf(SERVICE_GROUPS.values()), List.of()),
            new ReportTable("deadline-compliance", "Deadline compliance", "deadline",
                    List.of(EXAMS, DNA, FIR, FIR_REFUSED, TRIAL_DURATION),
                    List.of(ReportTable.Derived.share("EXAM_WITHIN_6H_SHARE", EXAMS, "EXAM_WITHIN_6H"),
                            ReportTable.Derived.quantile("EXAM_HOURS_MEDIAN", EXAMS, EXAM_HOURS, 0.5),
                            ReportTable.Derived.quantile("EXAM_HOURS_P90", EXAMS, EXAM_HOURS, 0.9),
                            ReportTable.Derived.share("DNA_TO_LAB_WITHIN_72H_SHARE", DNA, "DNA_TO_LAB_WITHIN_72H"),
                            ReportTable.Derived.share("FIR_WITHIN_24H_SHARE", FIR, "FIR_WITHIN_24H"),
                            ReportTable.Derived.share("CONCLUDED_WITHIN_4_MONTHS_SHARE", TRIAL_DURATION,
                                    "CONCLUDED_WITHIN_4_MONTHS"))),
            new ReportTable("evidence-turnaround", "Evidence: collection, restriction, lab and custody", "evidence",
                    List.of(ITEMS, TO_LAB, DNA, ANALYSED, ANOMALIES),
                    List.of(ReportTable.Derived.share("DNA_TO_LAB_WITHIN_72H_SHARE", DNA, "DNA_TO_LAB_WITHIN_72H"),
                            ReportTable.Derived.quantile("TO_LAB_HOURS_MEDIAN", TO_LAB, TO_LAB_HOURS, 0.5),
                            ReportTable.Derived.quantile("TO_LAB_HOURS_P90", TO_LAB, TO_LAB_HOURS, 0.9),
                            ReportTable.Derived.quantile("RESULT_HOURS_MEDIAN", ANALYSED, RESULT_HOURS, 0.5),
                            ReportTable.Derived.quantile("RESULT_HOURS_P90", ANALYSED, RESULT_HOURS, 0.9))),
            new ReportTable("justice-outcomes", "Justice: FIRs, trials and outcomes", "outcome",
                    List.of(FIR, FIR_REFUSED, TRIALS_OPEN, VERDICTS, TRIAL_DURATION),
                    List.of(ReportTable.Derived.quantile("FIR_HOURS_MEDIAN", FIR, FIR_HOURS, 0.5),
                            ReportTable.Derived.share("CONCLUDED_WITHIN_4_MONTHS_SHARE", TRIAL_DURATION,
                                    "CONCLUDED_WITHIN_4_MONTHS"))),
            new ReportTable("deadline-breaches", "Deadline breaches by rule", "rule",
                    List.copyOf(BREACH_GROUPS.values()), List.of()),
            new ReportTable("referrals", "Referrals from NGOs and onward referrals by outcome", "referral",
                    List.of(REFERRALS, ONWARD), List.of()),
            new ReportTable("medico-legal-reports", "Medico-legal reports: signed, checks overridden, amended", "report",
                    List.of(SIGNED_REPORTS, AMENDED_REPORTS),
                    List.of(ReportTable.Derived.share("SIGNED_WITH_OVERRIDE_SHARE", SIGNED_REPORTS, "SIGNED_WITH_OVERRIDE"),
                            ReportTable.Derived.quantile("SIGN_HOURS_MEDIAN", SIGNED_REPORTS, SIGN_HOURS, 0.5),
                            ReportTable.Derived.quantile("SIGN_HOURS_P90", SIGNED_REPORTS, SIGN_HOURS, 0.9))));

    private ReportCatalog() {
    }

    public static List<ReportTable> tables() {
        return TABLES;
    }

    public static Optional<ReportTable> table(String id) {
        return TABLES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Every group of every table, each once: what disclosure control protects together. */
    public static List<Group> groups() {
        Map<String, Group> groups = new LinkedHashMap<>();
        TABLES.forEach(t -> t.groups().forEach(g -> groups.putIfAbsent(g.id(), g)));
        return List.copyOf(groups.values());
    }

    /** Adds one counted case to every figure it belongs to, in its cell of arrival and month of arrival. */
    public static void tally(CaseRecord c, Tally tally) {
        String cell = c.cell();
        String month = c.month();
        tally.count(AGE_BAND, cell, month, c.ageBand());
        tally.count(CHILD_ADULT, cell, month, c.ageBand() == null ? null
                : c.ageBand().startsWith("CHILD") ? "CHILD" : c.ageBand().startsWith("ADULT") ? "ADULT" : "UNKNOWN");
        tally.count(SEX_GENDER, cell, month, c.sexGender());
        tally.count(INCIDENT_TYPE, cell, month, c.incidentType());
        tally.count(CHANNEL, cell, month, c.channel());
        c.services().stream().filter(SERVICE_GROUPS::containsKey)
                .forEach(s -> tally.count(SERVICE_GROUPS.get(s), cell, month, null));
        c.breachedRules().stream().filter(BREACH_GROUPS::containsKey)
                .forEach(r -> tally.count(BREACH_GROUPS.get(r), cell, month, null));

        if (c.firstExamAt() != null) {
            Duration toExam = Duration.between(c.arrivedAt(), c.firstExamAt());
            tally.count(EXAMS, cell, month, toExam.compareTo(EXAM_LIMIT) <= 0 ? "EXAM_WITHIN_6H" : "EXAM_LATE");
            tally.sample(EXAM_HOURS, cell, month, hours(toExam));
        }
        for (CaseRecord.Item item : c.items()) {
            tally.count(ITEMS, cell, month, item.restricted() ? "RESTRICTED" : "TESTABLE");
            if (item.toLabAt() != null) {
                tally.count(TO_LAB, cell, month, null);
                tally.sample(TO_LAB_HOURS, cell, month, hours(Duration.between(item.collectedAt(), item.toLabAt())));
            }
            if (item.dna() && !item.restricted()) {
                boolean inTime = item.toLabAt() != null
                        && Duration.between(item.collectedAt(), item.toLabAt()).compareTo(DNA_TO_LAB_LIMIT) <= 0;
                if (inTime) {
                    tally.count(DNA, cell, month, "DNA_TO_LAB_WITHIN_72H");
                } else if (item.toLabAt() != null || item.toLabBreached()) {
                    tally.count(DNA, cell, month, "DNA_TO_LAB_LATE");
                }
            }
            if (item.analysedAt() != null) {
                tally.count(ANALYSED, cell, month, null);
                tally.sample(RESULT_HOURS, cell, month, hours(Duration.between(item.collectedAt(), item.analysedAt())));
            }
        }
        for (int i = 0; i < c.anomalies(); i++) {
            tally.count(ANOMALIES, cell, month, null);
        }
        CaseRecord.Justice j = c.justice();
        if (j.firRegisteredAt() != null) {
            long minutes = j.firMinutes() != null ? j.firMinutes() : Duration.between(c.arrivedAt(), j.firRegisteredAt()).toMinutes();
            tally.count(FIR, cell, month, minutes <= FIR_LIMIT.toMinutes() ? "FIR_WITHIN_24H" : "FIR_LATE");
            tally.sample(FIR_HOURS, cell, month, minutes / 60.0);
        }
        if (j.firRefused()) {
            tally.count(FIR_REFUSED, cell, month, null);
        }
        if (j.verdict() != null) {
            tally.count(VERDICTS, cell, month, j.verdict());
            tally.count(TRIAL_DURATION, cell, month, j.withinFourMonths() ? "CONCLUDED_WITHIN_4_MONTHS" : "CONCLUDED_LATE");
        } else if (j.inCourt()) {
            tally.count(TRIALS_OPEN, cell, month, null);
        }
        for (String outcome : c.onwardOutcomes()) {
            tally.count(ONWARD, cell, month, "ONWARD_" + outcome);
        }
        for (CaseRecord.Report report : c.reports()) {
            if (report.amendment()) {
                tally.count(AMENDED_REPORTS, cell, month, null);
                continue;
            }
            tally.count(SIGNED_REPORTS, cell, month,
                    report.overriddenChecks().isEmpty() ? "SIGNED_WITHOUT_OVERRIDE" : "SIGNED_WITH_OVERRIDE");
            if (report.examStartedAt() != null) {
                tally.sample(SIGN_HOURS, cell, month, hours(Duration.between(report.examStartedAt(), report.signedAt())));
            }
        }
    }

    /** Adds one referral from a partner NGO, in the receiving cell and the month it was received. */
    public static void tally(ReferralRecord r, Tally tally) {
        tally.count(REFERRALS, r.cell(), r.month(), r.outcome());
    }

    private static ReportTable survivors(String id, String title, String category, Group group) {
        return new ReportTable(id, title, category, List.of(group), List.of());
    }

    private static Map<String, Group> singles(List<String> codes, String populationPrefix) {
        Map<String, Group> groups = new LinkedHashMap<>();
        codes.forEach(code -> groups.put(code, new Group(populationPrefix + code, populationPrefix + code, code, List.of())));
        return groups;
    }

    private static double hours(Duration d) {
        return d.toMinutes() / 60.0;
    }

    /** Groups by id, for disclosure. */
    public static Map<String, Group> groupsById() {
        Map<String, Group> byId = new LinkedHashMap<>();
        groups().forEach(g -> byId.put(g.id(), g));
        return byId;
    }

    /** All category codes of the table named, for validating a filter. */
    public static List<String> categoriesOf(String tableId) {
        return table(tableId).map(ReportTable::categories).orElseGet(ArrayList::new);
    }
}
