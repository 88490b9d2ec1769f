package org.arcc.reporting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What reporting knows of one counted case when a figure is computed: codes and times, never identity. Every
 * figure about the case is counted in the cell where the survivor arrived and in the month of arrival, whatever
 * happened later (a transfer, an FIR months on): a case is one survivor, counted once, in one place and month.
 *
 * @param cell           cell of arrival
 * @param arrivedAt      arrival at the cell
 * @param incidentType   GBVIMS code, null while not classified
 * @param services       service codes delivered at least once
 * @param firstExamAt    first medico-legal exam, or null
 * @param items          evidence items collected
 * @param anomalies      custody anomalies raised about the case's items
 * @param breachedRules  deadline rules breached (cases, evidence and legal-aid rules alike)
 * @param justice        the justice pathway
 * @param onwardOutcomes outcome of each onward referral (PENDING, ACCEPTED, DECLINED, WITHDRAWN)
 * @param reports        medico-legal report versions signed (version 1) and amended (2 and later)
 */
public record CaseRecord(String cell, Instant arrivedAt, String channel, String ageBand, String sexGender,
        String incidentType, Set<String> services, Instant firstExamAt, List<Item> items, int anomalies,
        Set<String> breachedRules, Justice justice, List<String> onwardOutcomes, List<Report> reports) {

    /**
     * A signed version of a medico-legal report: codes and times only.
     *
     * @param version          1 when signed, 2 and later for amendments
     * @param examStartedAt    when the examination began (version 1 only, else null)
     * @param signedAt         when the version was signed
     * @param overriddenChecks codes of the checks a cell supervisor overrode on this version
     */
    public record Report(int version, Instant examStartedAt, Instant signedAt, Set<String> overriddenChecks) {

        public boolean amendment() {
            return version > 1;
        }
    }

    /**
     * @param dna             a DNA sample (the DNA-to-lab limit applies to it)
     * @param restricted      no consent to testing: it may not go to a lab
     * @param toLabAt         first submission to a lab, or null
     * @param analysedAt      first analysis result, or null
     * @param toLabBreached   the evidence service published a DNA-to-lab breach for it
     */
    public record Item(boolean dna, boolean restricted, Instant collectedAt, Instant toLabAt, Instant analysedAt,
            boolean toLabBreached) {
    }

    /**
     * @param firRegisteredAt     first FIR registered, or null
     * @param firMinutes          minutes from arrival to that FIR
     * @param firRefused          at least one refusal by the police
     * @param inCourt             the trial has begun (a hearing or a verdict is known)
     * @param verdict             CONVICTED, ACQUITTED or OTHER; null while the trial is open
     * @param withinFourMonths    the verdict came within four months of the case reaching the court
     */
    public record Justice(Instant firRegisteredAt, Long firMinutes, boolean firRefused, boolean inCourt, String verdict,
            boolean withinFourMonths) {

        public static final Justice NONE = new Justice(null, null, false, false, null, false);
    }

    public String month() {
        return Periods.monthOf(arrivedAt);
    }
}
