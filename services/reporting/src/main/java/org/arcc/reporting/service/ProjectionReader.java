package org.arcc.reporting.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.arcc.reporting.config.ReportingSettings;
import org.arcc.reporting.domain.CaseRecord;
import org.arcc.reporting.domain.Periods;
import org.arcc.reporting.domain.ReferralRecord;

/**
 * Reads the projections into the records figures are computed from, at the moment of the request: the cases that
 * arrived in the period and count now (the consent rule), with what happened to them since.
 */
@ApplicationScoped
public class ProjectionReader {

    /**
     * The cases that count: with {@code count-with-consent} (the default) only those with an active STATISTICS
     * consent; otherwise every case whose STATISTICS consent was not withdrawn.
     */
    private static final String COUNTED = """
            WITH counted AS (
                SELECT c.* FROM report_case c
                WHERE c.arrived_at >= ?1 AND c.arrived_at < ?2
                  AND (EXISTS (SELECT 1 FROM report_consent s WHERE s.case_id = c.case_id
                                   AND s.purpose = 'STATISTICS' AND s.active)
                       OR (NOT ?3 AND NOT EXISTS (SELECT 1 FROM report_consent s WHERE s.case_id = c.case_id
                                   AND s.purpose = 'STATISTICS' AND NOT s.active))))
            """;

    @Inject
    EntityManager em;

    @Inject
    ReportingSettings settings;

    public record Facts(List<CaseRecord> cases, List<ReferralRecord> referrals) {
    }

    @Transactional
    public Facts read(YearMonth from, YearMonth to) {
        Timestamp start = Timestamp.from(from.atDay(1).atStartOfDay(Periods.PAKISTAN).toInstant());
        Timestamp end = Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(Periods.PAKISTAN).toInstant());
        Map<UUID, Set<String>> services = new HashMap<>();
        Map<UUID, Instant> exams = new HashMap<>();
        for (Object[] row : rows(COUNTED + """
                SELECT v.case_id, v.service, min(v.delivered_at) FROM report_service v JOIN counted c USING (case_id)
                GROUP BY v.case_id, v.service""", start, end)) {
            UUID id = (UUID) row[0];
            services.computeIfAbsent(id, k -> new HashSet<>()).add((String) row[1]);
            if ("MEDICO_LEGAL_EXAM".equals(row[1])) {
                exams.put(id, instant(row[2]));
            }
        }
        Map<UUID, List<CaseRecord.Item>> items = new HashMap<>();
        for (Object[] row : rows(COUNTED + """
                SELECT i.case_id, i.item_type, i.restricted, i.collected_at,
                    (SELECT min(recorded_at) FROM report_custody_step s WHERE s.item_id = i.item_id AND s.action = 'SUBMITTED_TO_LAB'),
                    (SELECT min(recorded_at) FROM report_custody_step s WHERE s.item_id = i.item_id AND s.action = 'ANALYSED'),
                    EXISTS (SELECT 1 FROM report_custody_step s WHERE s.item_id = i.item_id AND s.action = 'BREACHED_DNA_TO_LAB')
                FROM report_evidence_item i JOIN counted c USING (case_id)""", start, end)) {
            items.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new CaseRecord.Item(
                    settings.dnaTypes().contains((String) row[1]), (Boolean) row[2], instant(row[3]), instant(row[4]),
                    instant(row[5]), (Boolean) row[6]));
        }
        Map<UUID, Integer> anomalies = new HashMap<>();
        for (Object[] row : rows(COUNTED + """
                SELECT a.case_id, count(*) FROM report_anomaly a JOIN counted c USING (case_id) GROUP BY a.case_id""",
                start, end)) {
            anomalies.put((UUID) row[0], ((Number) row[1]).intValue());
        }
        Map<UUID, Set<String>> breaches = new HashMap<>();
        for (Object[] row : rows(COUNTED + """
                SELECT DISTINCT b.case_id, b.rule FROM report_breach b JOIN counted c USING (case_id)""", start, end)) {
            breaches.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add((String) row[1]);
        }
        Map<UUID, CaseRecord.Justice> justice = new HashMap<>();
        for (Object[] row : rows(COUNTED + """
                SELECT j.case_id, j.fir_registered_at, j.fir_minutes, j.fir_refused_at IS NOT NULL,
                    j.hearings > 0 OR j.verdict_outcome IS NOT NULL, j.verdict_outcome, j.reached_court_on, j.verdict_on
                FROM report_justice j JOIN counted c USING (case_id)""", start, end)) {
            LocalDate reached = date(row[6]);
            LocalDate decided = date(row[7]);
            boolean withinFourMonths = reached != null && decided != null && !decided.isAfter(reached.plusMonths(4));
            justice.put((UUID) row[0], new CaseRecord.Justice(instant(row[1]),
                    row[2] == null ? null : ((Number) row[2]).longValue(), (Boolean) row[3], (Boolean) row[4],
                    (String) row[5], withinFourMonths));
        }
        Map<UUID, List<String>> onward = new HashMap<>();
        for (Object[] row : rows(COUNTED + """
                SELECT o.case_id, o.outcome FROM report_onward_referral o JOIN counted c USING (case_id)""", start, end)) {
            onward.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        Map<UUID, List<CaseRecord.Report>> reports = new HashMap<>();
        for (Object[] row : rows(COUNTED + """
                SELECT m.case_id, m.version, m.exam_started_at, m.signed_at, m.overridden_checks
                FROM report_medico_legal m JOIN counted c USING (case_id)""", start, end)) {
            String checks = (String) row[4];
            reports.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new CaseRecord.Report(
                    ((Number) row[1]).intValue(), instant(row[2]), instant(row[3]),
                    checks.isEmpty() ? Set.of() : Set.of(checks.split(","))));
        }
        List<CaseRecord> cases = new ArrayList<>();
        for (Object[] row : rows(COUNTED + """
                SELECT case_id, cell_code, arrived_at, channel, age_band, sex_gender, incident_type FROM counted
                ORDER BY arrived_at""", start, end)) {
            UUID id = (UUID) row[0];
            cases.add(new CaseRecord((String) row[1], instant(row[2]), (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6], services.getOrDefault(id, Set.of()), exams.get(id),
                    items.getOrDefault(id, List.of()), anomalies.getOrDefault(id, 0), breaches.getOrDefault(id, Set.of()),
                    justice.getOrDefault(id, CaseRecord.Justice.NONE), onward.getOrDefault(id, List.of()),
                    reports.getOrDefault(id, List.of())));
        }
        return new Facts(cases, referrals(start, end));
    }

    /**
     * Referrals received in the period. One the cell accepted is the case it became: it counts only while that
     * case counts (the consent rule); referrals pending or declined never became a case of the platform and carry
     * codes only.
     */
    private List<ReferralRecord> referrals(Timestamp start, Timestamp end) {
        List<ReferralRecord> referrals = new ArrayList<>();
        for (Object[] row : rows(COUNTED.replace("c.arrived_at >= ?1 AND c.arrived_at < ?2", "true") + """
                SELECT r.cell_code, r.received_at, r.outcome FROM report_referral r
                WHERE r.received_at >= ?1 AND r.received_at < ?2
                  AND (r.case_id IS NULL OR r.case_id IN (SELECT case_id FROM counted))""", start, end)) {
            referrals.add(new ReferralRecord((String) row[0], instant(row[1]), (String) row[2]));
        }
        return referrals;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Timestamp start, Timestamp end) {
        Query query = em.createNativeQuery(sql);
        query.setParameter(1, start);
        query.setParameter(2, end);
        if (sql.contains("?3")) {
            query.setParameter(3, settings.countWithConsent());
        }
        return query.getResultList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
