package org.arcc.reporting.events;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.EventDispatch;
import org.arcc.common.inbox.EventHandler;
import org.arcc.common.inbox.InboxConsumer;
import org.arcc.common.inbox.ReceivedEvent;
import org.arcc.contracts.Topics;
import org.arcc.reporting.domain.Periods;
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

import org.hibernate.Session;

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
    /** This transaction's {@link ProjectionWrites}. */
    private static final Object WRITES = new Object();
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

    @Inject
    TransactionSynchronizationRegistry transaction;

    void onStart(@Observes StartupEvent event) {
        consumers.start(CONSUMER, TOPICS, new EventHandler() {
            @Override
            public void handle(ReceivedEvent received) {
                apply(received);
            }

            @Override
            public void beforeCommit() {
                TopicProjections.this.beforeCommit();
            }
        });
    }

    public InboxConsumer consumer() {
        return consumers.get(CONSUMER);
    }

    /** Empties every projection (in the rebuild's transaction, before the inbox is forgotten). */
    public void reset() {
        em.createNativeQuery("TRUNCATE " + String.join(", ", TABLES)).executeUpdate();
        version.raiseEveryMonth();
    }

    /**
     * Applies one event in the inbox's transaction: its statements join the transaction's batches
     * ({@link #beforeCommit} sends them and raises the projections' version if they changed a row). Facts no figure
     * is made of (custody checkpoints, lawyers assigned, transfers proposed, ...) have no handler.
     */
    void apply(ReceivedEvent event) {
        dispatch.apply(event);
    }

    /**
     * Both versions of case-opened write the same statement (so a replay sends them in one batch): version 1 with
     * the columns' defaults for what it does not carry, and only version 2 overwrites those of a case already there.
     */
    private static final String CASE_OPENED = """
            INSERT INTO report_case (case_id, cell_code, arrived_at, channel, age_band, current_cell,
                sex_gender, incident_type, legal_sections, disabilities)
            VALUES (?1, ?2, ?3, ?4, ?5, ?2, ?6, ?7, ?8, ?9)
            ON CONFLICT (case_id) DO UPDATE SET sex_gender = ?6, incident_type = ?7, legal_sections = ?8,
                disabilities = ?9 WHERE ?10""";

    private void caseOpened(CaseOpened e) {
        touched().touchCase(e.caseId());
        write("report_case", CASE_OPENED, e.caseId(), e.cell(), ts(e.arrivedAt()), e.channel(), e.ageBand(),
                "NOT_STATED", null, "", "", false);
    }

    private void caseOpenedV2(CaseOpenedV2 e) {
        touched().touchCase(e.caseId());
        write("report_case", CASE_OPENED, e.caseId(), e.cell(), ts(e.arrivedAt()), e.channel(), e.ageBand(),
                or(e.sexGender(), "NOT_STATED"), e.incidentType(), codes(e.legalSections()), codes(e.disabilities()),
                true);
    }

    private void transferAccepted(TransferAccepted e) {
        touched().touchCase(e.caseId());
        write("report_case", "UPDATE report_case SET current_cell = ?2 WHERE case_id = ?1", e.caseId(), e.toCell());
    }

    private void caseClosed(CaseClosed e) {
        touched().touchCase(e.caseId());
        write("report_case", "UPDATE report_case SET closed_at = ?2 WHERE case_id = ?1", e.caseId(), ts(e.closedAt()));
    }

    private void serviceDelivered(ServiceDelivered e) {
        touched().touchCase(e.caseId());
        write("report_service", """
                INSERT INTO report_service (delivery_id, case_id, service, delivered_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""", e.deliveryId(), e.caseId(), e.service(), ts(e.deliveredAt()));
    }

    private void consentGiven(ConsentGiven e) {
        touched().touchCase(e.caseId());
        write("report_consent", """
                INSERT INTO report_consent (consent_id, case_id, purpose, active, changed_at)
                VALUES (?1, ?2, ?3, true, ?4) ON CONFLICT DO NOTHING""",
                e.consentId(), e.caseId(), e.purpose(), ts(e.givenAt()));
    }

    private void consentWithdrawn(ConsentWithdrawn e) {
        touched().touchCase(e.caseId());
        write("report_consent", """
                INSERT INTO report_consent (consent_id, case_id, purpose, active, changed_at)
                VALUES (?1, ?2, ?3, false, ?4)
                ON CONFLICT (consent_id) DO UPDATE SET active = false, changed_at = ?4""",
                e.consentId(), e.caseId(), e.purpose(), ts(e.withdrawnAt()));
    }

    private void deadlineBreached(ReceivedEvent event, DeadlineBreached e) {
        breach(event.id(), e.caseId(), "CASES", e.deadline(), e.dueAt());
    }

    private void medicoLegalReportSigned(MedicoLegalReportSigned e) {
        touched().touchCase(e.caseId());
        write("report_medico_legal", """
                INSERT INTO report_medico_legal (report_version_id, case_id, version, exam_started_at, signed_at,
                    overridden_checks)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (report_version_id) DO NOTHING""",
                e.reportVersionId(), e.caseId(), e.version(), ts(e.examStartedAt()), ts(e.signedAt()),
                codes(e.overriddenChecks()));
    }

    private void medicoLegalReportAmended(MedicoLegalReportAmended e) {
        touched().touchCase(e.caseId());
        write("report_medico_legal", """
                INSERT INTO report_medico_legal (report_version_id, case_id, version, signed_at, overridden_checks)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (report_version_id) DO NOTHING""",
                e.reportVersionId(), e.caseId(), e.version(), ts(e.amendedAt()), codes(e.overriddenChecks()));
    }

    private void onwardReferralMade(OnwardReferralMade e) {
        touched().touchCase(e.caseId());
        write("report_onward_referral", """
                INSERT INTO report_onward_referral (onward_referral_id, case_id, made_at, outcome)
                VALUES (?1, ?2, ?3, 'PENDING')
                ON CONFLICT (onward_referral_id) DO UPDATE SET made_at = ?3""",
                e.onwardReferralId(), e.caseId(), ts(e.madeAt()));
    }

    private void onwardReferralAcknowledged(OnwardReferralAcknowledged e) {
        onwardOutcome(e.onwardReferralId(), e.caseId(), e.decision());
    }

    private void onwardReferralWithdrawn(OnwardReferralWithdrawn e) {
        onwardOutcome(e.onwardReferralId(), e.caseId(), "WITHDRAWN");
    }

    private void referralReceived(ReferralReceived e) {
        // The month it was received may change (from none, when its acceptance came first): both months change.
        touched().touchReferral(e.referralId());
        if (e.receivedAt() != null) {
            touched().touchMonth(Periods.monthOf(e.receivedAt()));
        }
        receivedMonth(e.referralId()).ifPresent(touched()::touchMonth);
        write("report_referral", """
                INSERT INTO report_referral (referral_id, cell_code, received_at, outcome)
                VALUES (?1, ?2, ?3, 'PENDING') ON CONFLICT (referral_id) DO UPDATE SET received_at = ?3""",
                e.referralId(), e.cell(), ts(e.receivedAt()));
    }

    private void referralAccepted(ReferralAccepted e) {
        touched().touchReferral(e.referralId());
        touched().touchCase(e.caseId());
        write("report_referral", """
                INSERT INTO report_referral (referral_id, cell_code, outcome, case_id) VALUES (?1, ?2, 'ACCEPTED', ?3)
                ON CONFLICT (referral_id) DO UPDATE SET outcome = 'ACCEPTED', case_id = ?3""",
                e.referralId(), e.cell(), e.caseId());
    }

    private void referralDeclined(ReferralDeclined e) {
        touched().touchReferral(e.referralId());
        write("report_referral", """
                INSERT INTO report_referral (referral_id, cell_code, outcome) VALUES (?1, ?2, 'DECLINED')
                ON CONFLICT (referral_id) DO UPDATE SET outcome = 'DECLINED'""", e.referralId(), e.cell());
    }

    private void evidenceItemRegistered(EvidenceItemRegistered e) {
        touched().touchCase(e.caseId());
        write("report_evidence_item", """
                INSERT INTO report_evidence_item (item_id, case_id, item_type, restricted, collected_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""",
                e.itemId(), e.caseId(), e.itemType(), e.restricted(), ts(e.collectedAt()));
    }

    private void custodyRecorded(ReceivedEvent event, CustodyRecorded e) {
        touched().touchItem(e.itemId());
        if ("SUBMITTED_TO_LAB".equals(e.action()) || "ANALYSED".equals(e.action())) {
            write("report_custody_step", """
                    INSERT INTO report_custody_step (event_id, item_id, action, recorded_at) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT DO NOTHING""", event.id(), e.itemId(), e.action(), ts(e.recordedAt()));
        }
    }

    private void custodyAnomalyRaised(ReceivedEvent event, CustodyAnomalyRaised e) {
        touched().touchCase(e.caseId());
        write("report_anomaly", """
                INSERT INTO report_anomaly (event_id, case_id, cell_code, kind, detected_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT DO NOTHING""", event.id(), e.caseId(), e.cell(), e.kind(), ts(e.detectedAt()));
    }

    private void evidenceDeadlineBreached(ReceivedEvent event, EvidenceDeadlineBreached e) {
        touched().touchItem(e.itemId());
        breach(event.id(), e.caseId(), "EVIDENCE", e.deadline(), e.dueAt());
        if (e.itemId() != null) {
            write("report_custody_step", """
                    INSERT INTO report_custody_step (event_id, item_id, action, recorded_at) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT DO NOTHING""", event.id(), e.itemId(), "BREACHED_" + e.deadline(), ts(e.detectedAt()));
        }
    }

    // One upsert per event (a justice row is created by whichever legal event comes first), so that the legal
    // events of many cases batch.
    private void firRegistered(FirRegistered e) {
        touched().touchCase(e.caseId());
        write("report_justice", """
                INSERT INTO report_justice (case_id, fir_registered_at, fir_minutes) VALUES (?1, ?2, ?3)
                ON CONFLICT (case_id) DO UPDATE SET fir_registered_at = ?2, fir_minutes = ?3
                WHERE report_justice.fir_registered_at IS NULL OR report_justice.fir_registered_at > ?2""",
                e.caseId(), ts(e.registeredAt()), e.minutesFromArrival());
    }

    private void firRefused(FirRefused e) {
        touched().touchCase(e.caseId());
        write("report_justice", """
                INSERT INTO report_justice (case_id, fir_refused_at) VALUES (?1, ?2)
                ON CONFLICT (case_id) DO UPDATE SET fir_refused_at = coalesce(report_justice.fir_refused_at, ?2)""",
                e.caseId(), ts(e.refusedAt()));
    }

    private void hearingRecorded(HearingRecorded e) {
        touched().touchCase(e.caseId());
        write("report_justice", """
                INSERT INTO report_justice (case_id, hearings, first_hearing_on) VALUES (?1, 1, ?2)
                ON CONFLICT (case_id) DO UPDATE SET hearings = report_justice.hearings + 1,
                    first_hearing_on = least(coalesce(report_justice.first_hearing_on, ?2), ?2)""",
                e.caseId(), e.hearingOn());
    }

    private void verdictRecorded(VerdictRecorded e) {
        touched().touchCase(e.caseId());
        write("report_justice", """
                INSERT INTO report_justice (case_id, verdict_outcome, verdict_on, reached_court_on, trial_days)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (case_id) DO UPDATE SET verdict_outcome = ?2, verdict_on = ?3, reached_court_on = ?4,
                    trial_days = ?5""",
                e.caseId(), e.outcome(), e.decidedOn(), e.reachedCourtOn(), e.trialDays());
    }

    private void legalDeadlineBreached(ReceivedEvent event, LegalDeadlineBreached e) {
        breach(event.id(), e.caseId(), "LEGAL", e.deadline(), e.dueAt());
    }

    private void registerNotice(RegisterNotice e) {
        write("report_register_notice", "INSERT INTO report_register_notice (notice_id, convicted_on) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                e.noticeId(), e.convictedOn());
    }

    private void breach(UUID eventId, UUID caseId, String origin, String rule, Instant dueAt) {
        touched().touchCase(caseId);
        // One breach per case and rule is published; a replay or a second detection is counted once all the same.
        write("report_breach", """
                INSERT INTO report_breach (event_id, case_id, origin, rule, due_at)
                SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (
                    SELECT 1 FROM report_breach WHERE case_id = ?2 AND rule = ?4 AND origin = ?3)
                ON CONFLICT DO NOTHING""", eventId, caseId, origin, rule, ts(dueAt));
    }

    private void onwardOutcome(UUID onwardReferralId, UUID caseId, String outcome) {
        touched().touchCase(caseId);
        write("report_onward_referral", """
                INSERT INTO report_onward_referral (onward_referral_id, case_id, outcome) VALUES (?1, ?2, ?3)
                ON CONFLICT (onward_referral_id) DO UPDATE SET outcome = ?3""", onwardReferralId, caseId, outcome);
    }

    private ProjectionWrites touched() {
        return writes();
    }

    /** The month a referral was received as the projection holds it now, if it holds a time. */
    private Optional<String> receivedMonth(UUID referralId) {
        ProjectionWrites writes = writes();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            writes.flushTable(connection, "report_referral");
            try (PreparedStatement read = connection.prepareStatement("""
                    SELECT to_char(received_at AT TIME ZONE 'Asia/Karachi', 'YYYY-MM') FROM report_referral
                    WHERE referral_id = ? AND received_at IS NOT NULL""")) {
                read.setObject(1, referralId);
                try (ResultSet row = read.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Adds a statement to this transaction's batches ({@link ProjectionWrites}); sent by {@link #beforeCommit}. */
    private void write(String table, String sql, Object... parameters) {
        ProjectionWrites writes = writes();
        em.unwrap(Session.class).doWork(connection -> writes.add(connection, table, sql, parameters));
    }

    /**
     * Sends the transaction's statements and, when one of them changed a row, raises the projections' version in
     * the same transaction, so cached figures are never served after it commits (a consent withdrawal included).
     */
    void beforeCommit() {
        ProjectionWrites writes = (ProjectionWrites) transaction.getResource(WRITES);
        if (writes == null) {
            return;
        }
        boolean changed = em.unwrap(Session.class).doReturningWork(writes::flush);
        if (changed) {
            version.raise(writes.touched());
        }
        writes.forgetTouched();
    }

    /**
     * The statements of the current transaction, sent by {@link #beforeCommit}, which the consumer calls before it
     * commits. (Not from a transaction synchronization: one registered here makes Agroal warn at every commit that
     * Hibernate's connection is still open, quarkusio/quarkus#41757.)
     */
    private ProjectionWrites writes() {
        ProjectionWrites writes = (ProjectionWrites) transaction.getResource(WRITES);
        if (writes == null) {
            writes = new ProjectionWrites();
            transaction.putResource(WRITES, writes);
        }
        return writes;
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
