package org.arcc.reporting.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.EventDispatch;
import org.arcc.common.inbox.InboxConsumer;
import org.arcc.common.inbox.ReceivedEvent;
import org.arcc.contracts.Topics;
import org.arcc.contracts.cases.CaseClosed;
import org.arcc.contracts.cases.CaseOpened;
import org.arcc.contracts.cases.CaseOpenedV2;
import org.arcc.contracts.cases.ConsentGiven;
import org.arcc.contracts.cases.ConsentWithdrawn;
import org.arcc.contracts.cases.DeadlineBreached;
import org.arcc.contracts.cases.MedicoLegalReportAmended;
import org.arcc.contracts.cases.MedicoLegalReportSigned;
import org.arcc.contracts.cases.OnwardReferralAcknowledged;
import org.arcc.contracts.cases.OnwardReferralMade;
import org.arcc.contracts.cases.OnwardReferralWithdrawn;
import org.arcc.contracts.cases.ReferralAccepted;
import org.arcc.contracts.cases.ReferralDeclined;
import org.arcc.contracts.cases.ReferralReceived;
import org.arcc.contracts.cases.ServiceDelivered;
import org.arcc.contracts.cases.TransferAccepted;
import org.arcc.contracts.evidence.CustodyAnomalyRaised;
import org.arcc.contracts.evidence.CustodyRecorded;
import org.arcc.contracts.evidence.EvidenceDeadlineBreached;
import org.arcc.contracts.evidence.EvidenceItemRegistered;
import org.arcc.contracts.legal.FirRefused;
import org.arcc.contracts.legal.FirRegistered;
import org.arcc.contracts.legal.HearingRecorded;
import org.arcc.contracts.legal.LegalDeadlineBreached;
import org.arcc.contracts.legal.RegisterNotice;
import org.arcc.contracts.legal.VerdictRecorded;

import io.quarkus.runtime.StartupEvent;

/**
 * Projects every topic reporting reads into its tables (V1__projections.sql, V2__medico_legal_reports.sql): ids, codes and times, never a
 * reference, a name or a note. One consumer reads the four topics, so each aggregate's events are applied in
 * order (one key, one partition) and each once (the inbox); facts that arrive before their case wait in their own
 * tables and are joined when figures are computed. Every statement is an idempotent upsert, so a replay from the
 * beginning builds the same rows.
 */
@ApplicationScoped
public class TopicProjections {

    public static final String CONSUMER = "reporting-projections";
    public static final List<String> TOPICS = List.of(Topics.CASES, Topics.REFERRALS, Topics.EVIDENCE, Topics.LEGAL);
    /** Emptied by a rebuild, in this order. */
    public static final List<String> TABLES = List.of("report_case", "report_service", "report_consent",
            "report_evidence_item", "report_custody_step", "report_anomaly", "report_breach", "report_justice",
            "report_register_notice", "report_referral", "report_onward_referral", "report_medico_legal");

    private final EventDispatch dispatch = new EventDispatch()
            .on(CaseOpened.TYPE, CaseOpened.class, this::caseOpened)
            .on(CaseOpenedV2.TYPE, CaseOpenedV2.class, this::caseOpenedV2)
            .on(TransferAccepted.TYPE, TransferAccepted.class, this::transferAccepted)
            .on(CaseClosed.TYPE, CaseClosed.class, this::caseClosed)
            .on(ServiceDelivered.TYPE, ServiceDelivered.class, this::serviceDelivered)
            .on(ConsentGiven.TYPE, ConsentGiven.class, this::consentGiven)
            .on(ConsentWithdrawn.TYPE, ConsentWithdrawn.class, this::consentWithdrawn)
            .onEvent(DeadlineBreached.TYPE, DeadlineBreached.class, this::deadlineBreached)
            .on(MedicoLegalReportSigned.TYPE, MedicoLegalReportSigned.class, this::medicoLegalReportSigned)
            .on(MedicoLegalReportAmended.TYPE, MedicoLegalReportAmended.class, this::medicoLegalReportAmended)
            .on(OnwardReferralMade.TYPE, OnwardReferralMade.class, this::onwardReferralMade)
            .on(OnwardReferralAcknowledged.TYPE, OnwardReferralAcknowledged.class, this::onwardReferralAcknowledged)
            .on(OnwardReferralWithdrawn.TYPE, OnwardReferralWithdrawn.class, this::onwardReferralWithdrawn)
            .on(ReferralReceived.TYPE, ReferralReceived.class, this::referralReceived)
            .on(ReferralAccepted.TYPE, ReferralAccepted.class, this::referralAccepted)
            .on(ReferralDeclined.TYPE, ReferralDeclined.class, this::referralDeclined)
            .on(EvidenceItemRegistered.TYPE, EvidenceItemRegistered.class, this::evidenceItemRegistered)
            .onEvent(CustodyRecorded.TYPE, CustodyRecorded.class, this::custodyRecorded)
            .onEvent(CustodyAnomalyRaised.TYPE, CustodyAnomalyRaised.class, this::custodyAnomalyRaised)
            .onEvent(EvidenceDeadlineBreached.TYPE, EvidenceDeadlineBreached.class, this::evidenceDeadlineBreached)
            .on(FirRegistered.TYPE, FirRegistered.class, this::firRegistered)
            .on(FirRefused.TYPE, FirRefused.class, this::firRefused)
            .on(HearingRecorded.TYPE, HearingRecorded.class, this::hearingRecorded)
            .on(VerdictRecorded.TYPE, VerdictRecorded.class, this::verdictRecorded)
            .onEvent(LegalDeadlineBreached.TYPE, LegalDeadlineBreached.class, this::legalDeadlineBreached)
            .on(RegisterNotice.TYPE, RegisterNotice.class, this::registerNotice);

    @Inject
    EventConsumers consumers;

    @Inject
    EntityManager em;

    @Inject
    ProjectionVersion version;

    void onStart(@Observes StartupEvent event) {
        consumers.start(CONSUMER, TOPICS, this::apply);
    }

    public InboxConsumer consumer() {
        return consumers.get(CONSUMER);
    }

    /** Empties every projection (in the rebuild's transaction, before the inbox is forgotten). */
    public void reset() {
        em.createNativeQuery("TRUNCATE " + String.join(", ", TABLES)).executeUpdate();
        version.raise();
    }

    /**
     * Applies one event in the inbox's transaction; a handler that changed a row raises the projections' version in
     * the same transaction, so cached figures are never served after it commits (a consent withdrawal included).
     * Facts no figure is made of (custody checkpoints, lawyers assigned, transfers proposed, ...) have no handler.
     */
    void apply(ReceivedEvent event) {
        dispatch.apply(event);
    }

    private void caseOpened(CaseOpened e) {
        raiseIfChanged(sql("""
                INSERT INTO report_case (case_id, cell_code, arrived_at, channel, age_band, current_cell)
                VALUES (?1, ?2, ?3, ?4, ?5, ?2) ON CONFLICT (case_id) DO NOTHING""",
                e.caseId(), e.cell(), ts(e.arrivedAt()), e.channel(), e.ageBand()));
    }

    private void caseOpenedV2(CaseOpenedV2 e) {
        raiseIfChanged(sql("""
                INSERT INTO report_case (case_id, cell_code, arrived_at, channel, age_band, current_cell,
                    sex_gender, incident_type, legal_sections, disabilities)
                VALUES (?1, ?2, ?3, ?4, ?5, ?2, ?6, ?7, ?8, ?9)
                ON CONFLICT (case_id) DO UPDATE SET sex_gender = ?6, incident_type = ?7, legal_sections = ?8,
                    disabilities = ?9""",
                e.caseId(), e.cell(), ts(e.arrivedAt()), e.channel(), e.ageBand(), or(e.sexGender(), "NOT_STATED"),
                e.incidentType(), codes(e.legalSections()), codes(e.disabilities())));
    }

    private void transferAccepted(TransferAccepted e) {
        raiseIfChanged(sql("UPDATE report_case SET current_cell = ?2 WHERE case_id = ?1", e.caseId(), e.toCell()));
    }

    private void caseClosed(CaseClosed e) {
        raiseIfChanged(sql("UPDATE report_case SET closed_at = ?2 WHERE case_id = ?1", e.caseId(), ts(e.closedAt())));
    }

    private void serviceDelivered(ServiceDelivered e) {
        raiseIfChanged(sql("""
                INSERT INTO report_service (delivery_id, case_id, service, delivered_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""", e.deliveryId(), e.caseId(), e.service(), ts(e.deliveredAt())));
    }

    private void consentGiven(ConsentGiven e) {
        raiseIfChanged(sql("""
                INSERT INTO report_consent (consent_id, case_id, purpose, active, changed_at)
                VALUES (?1, ?2, ?3, true, ?4) ON CONFLICT DO NOTHING""",
                e.consentId(), e.caseId(), e.purpose(), ts(e.givenAt())));
    }

    private void consentWithdrawn(ConsentWithdrawn e) {
        raiseIfChanged(sql("""
                INSERT INTO report_consent (consent_id, case_id, purpose, active, changed_at)
                VALUES (?1, ?2, ?3, false, ?4)
                ON CONFLICT (consent_id) DO UPDATE SET active = false, changed_at = ?4""",
                e.consentId(), e.caseId(), e.purpose(), ts(e.withdrawnAt())));
    }

    private void deadlineBreached(ReceivedEvent event, DeadlineBreached e) {
        raiseIfChanged(breach(event.id(), e.caseId(), "CASES", e.deadline(), e.dueAt()));
    }

    private void medicoLegalReportSigned(MedicoLegalReportSigned e) {
        raiseIfChanged(sql("""
                INSERT INTO report_medico_legal (report_version_id, case_id, version, exam_started_at, signed_at,
                    overridden_checks)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (report_version_id) DO NOTHING""",
                e.reportVersionId(), e.caseId(), e.version(), ts(e.examStartedAt()), ts(e.signedAt()),
                codes(e.overriddenChecks())));
    }

    private void medicoLegalReportAmended(MedicoLegalReportAmended e) {
        raiseIfChanged(sql("""
                INSERT INTO report_medico_legal (report_version_id, case_id, version, signed_at, overridden_checks)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (report_version_id) DO NOTHING""",
                e.reportVersionId(), e.caseId(), e.version(), ts(e.amendedAt()), codes(e.overriddenChecks())));
    }

    private void onwardReferralMade(OnwardReferralMade e) {
        raiseIfChanged(sql("""
                INSERT INTO report_onward_referral (onward_referral_id, case_id, made_at, outcome)
                VALUES (?1, ?2, ?3, 'PENDING')
                ON CONFLICT (onward_referral_id) DO UPDATE SET made_at = ?3""",
                e.onwardReferralId(), e.caseId(), ts(e.madeAt())));
    }

    private void onwardReferralAcknowledged(OnwardReferralAcknowledged e) {
        raiseIfChanged(onwardOutcome(e.onwardReferralId(), e.caseId(), e.decision()));
    }

    private void onwardReferralWithdrawn(OnwardReferralWithdrawn e) {
        raiseIfChanged(onwardOutcome(e.onwardReferralId(), e.caseId(), "WITHDRAWN"));
    }

    private void referralReceived(ReferralReceived e) {
        raiseIfChanged(sql("""
                INSERT INTO report_referral (referral_id, cell_code, received_at, outcome)
                VALUES (?1, ?2, ?3, 'PENDING') ON CONFLICT (referral_id) DO UPDATE SET received_at = ?3""",
                e.referralId(), e.cell(), ts(e.receivedAt())));
    }

    private void referralAccepted(ReferralAccepted e) {
        raiseIfChanged(sql("""
                INSERT INTO report_referral (referral_id, cell_code, outcome, case_id) VALUES (?1, ?2, 'ACCEPTED', ?3)
                ON CONFLICT (referral_id) DO UPDATE SET outcome = 'ACCEPTED', case_id = ?3""",
                e.referralId(), e.cell(), e.caseId()));
    }

    private void referralDeclined(ReferralDeclined e) {
        raiseIfChanged(sql("""
                INSERT INTO report_referral (referral_id, cell_code, outcome) VALUES (?1, ?2, 'DECLINED')
                ON CONFLICT (referral_id) DO UPDATE SET outcome = 'DECLINED'""", e.referralId(), e.cell()));
    }

    private void evidenceItemRegistered(EvidenceItemRegistered e) {
        raiseIfChanged(sql("""
                INSERT INTO report_evidence_item (item_id, case_id, item_type, restricted, collected_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""",
                e.itemId(), e.caseId(), e.itemType(), e.restricted(), ts(e.collectedAt())));
    }

    private void custodyRecorded(ReceivedEvent event, CustodyRecorded e) {
        int changed = 0;
        if ("SUBMITTED_TO_LAB".equals(e.action()) || "ANALYSED".equals(e.action())) {
            changed += sql("""
                    INSERT INTO report_custody_step (event_id, item_id, action, recorded_at) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT DO NOTHING""", event.id(), e.itemId(), e.action(), ts(e.recordedAt()));
        }
        raiseIfChanged(changed);
    }

    private void custodyAnomalyRaised(ReceivedEvent event, CustodyAnomalyRaised e) {
        raiseIfChanged(sql("""
                INSERT INTO report_anomaly (event_id, case_id, cell_code, kind, detected_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT DO NOTHING""", event.id(), e.caseId(), e.cell(), e.kind(), ts(e.detectedAt())));
    }

    private void evidenceDeadlineBreached(ReceivedEvent event, EvidenceDeadlineBreached e) {
        int changed = 0;
        changed += breach(event.id(), e.caseId(), "EVIDENCE", e.deadline(), e.dueAt());
        if (e.itemId() != null) {
            changed += sql("""
                    INSERT INTO report_custody_step (event_id, item_id, action, recorded_at) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT DO NOTHING""", event.id(), e.itemId(), "BREACHED_" + e.deadline(), ts(e.detectedAt()));
        }
        raiseIfChanged(changed);
    }

    private void firRegistered(FirRegistered e) {
        int changed = 0;
        changed += justice(e.caseId());
        changed += sql("""
                UPDATE report_justice SET fir_registered_at = ?2, fir_minutes = ?3
                WHERE case_id = ?1 AND (fir_registered_at IS NULL OR fir_registered_at > ?2)""",
                e.caseId(), ts(e.registeredAt()), e.minutesFromArrival());
        raiseIfChanged(changed);
    }

    private void firRefused(FirRefused e) {
        int changed = 0;
        changed += justice(e.caseId());
        changed += sql("UPDATE report_justice SET fir_refused_at = coalesce(fir_refused_at, ?2) WHERE case_id = ?1",
                e.caseId(), ts(e.refusedAt()));
        raiseIfChanged(changed);
    }

    private void hearingRecorded(HearingRecorded e) {
        int changed = 0;
        changed += justice(e.caseId());
        changed += sql("""
                UPDATE report_justice SET hearings = hearings + 1,
                    first_hearing_on = least(coalesce(first_hearing_on, ?2), ?2) WHERE case_id = ?1""",
                e.caseId(), e.hearingOn());
        raiseIfChanged(changed);
    }

    private void verdictRecorded(VerdictRecorded e) {
        int changed = 0;
        changed += justice(e.caseId());
        changed += sql("""
                UPDATE report_justice SET verdict_outcome = ?2, verdict_on = ?3, reached_court_on = ?4,
                    trial_days = ?5 WHERE case_id = ?1""",
                e.caseId(), e.outcome(), e.decidedOn(), e.reachedCourtOn(), e.trialDays());
        raiseIfChanged(changed);
    }

    private void legalDeadlineBreached(ReceivedEvent event, LegalDeadlineBreached e) {
        raiseIfChanged(breach(event.id(), e.caseId(), "LEGAL", e.deadline(), e.dueAt()));
    }

    private void registerNotice(RegisterNotice e) {
        raiseIfChanged(sql("INSERT INTO report_register_notice (notice_id, convicted_on) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                e.noticeId(), e.convictedOn()));
    }

    private void raiseIfChanged(int changed) {
        if (changed > 0) {
            version.raise();
        }
    }

    private int breach(UUID eventId, UUID caseId, String origin, String rule, Instant dueAt) {
        // One breach per case and rule is published; a replay or a second detection is counted once all the same.
        return sql("""
                INSERT INTO report_breach (event_id, case_id, origin, rule, due_at)
                SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (
                    SELECT 1 FROM report_breach WHERE case_id = ?2 AND rule = ?4 AND origin = ?3)
                ON CONFLICT DO NOTHING""", eventId, caseId, origin, rule, ts(dueAt));
    }

    private int onwardOutcome(UUID onwardReferralId, UUID caseId, String outcome) {
        return sql("""
                INSERT INTO report_onward_referral (onward_referral_id, case_id, outcome) VALUES (?1, ?2, ?3)
                ON CONFLICT (onward_referral_id) DO UPDATE SET outcome = ?3""", onwardReferralId, caseId, outcome);
    }

    private int justice(UUID caseId) {
        return sql("INSERT INTO report_justice (case_id) VALUES (?1) ON CONFLICT DO NOTHING", caseId);
    }

    private int sql(String statement, Object... parameters) {
        Query query = em.createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String codes(List<String> codes) {
        return codes == null ? "" : String.join(",", codes.stream().sorted().toList());
    }
}
