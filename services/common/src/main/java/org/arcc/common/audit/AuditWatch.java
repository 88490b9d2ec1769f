package org.arcc.common.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.arcc.common.outbox.Outbox;
import org.arcc.common.outbox.OutboxSettings;
import org.arcc.contracts.audit.AuditChainBroken;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The platform checks its own audit trail: every {@code arcc.audit.verify-interval} and on demand (the
 * verification endpoints). Each check sets the metrics {@code arcc_audit_chain_intact} (1 intact, 0 broken),
 * {@code arcc_audit_chain_problems} and {@code arcc_audit_rows_checked}, and raises
 * {@code arcc.audit.chain-broken.v1} once for each problem not alerted before ({@code audit_break} remembers).
 */
@ApplicationScoped
public class AuditWatch {

    private static final Logger LOG = Logger.getLogger(AuditWatch.class);

    @Inject
    AuditChainVerifier verifier;

    @Inject
    OutboxSettings outboxSettings;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    /** 1 intact, 0 broken, -1 before the first check (the gauge then reads NaN). */
    private final AtomicLong intact = new AtomicLong(-1);
    private final AtomicLong problems = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();

    @PostConstruct
    void registerMetrics() {
        Gauge.builder("arcc.audit.chain.intact", intact, v -> v.get() < 0 ? Double.NaN : v.get())
                .description("1 if the last check found the audit trail intact, 0 if it found a problem").register(metrics);
        Gauge.builder("arcc.audit.chain.problems", problems, AtomicLong::get)
                .description("Problems the last check of the audit trail found").register(metrics);
        Gauge.builder("arcc.audit.rows.checked", rows, AtomicLong::get)
                .description("Rows of the audit trail the last check read").register(metrics);
    }

    @Scheduled(every = "{arcc.audit.verify-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            AuditChainVerifier.Verification result = check(List.of());
            if (!result.intact()) {
                LOG.errorf("The audit trail is broken: %d problem(s), e.g. %s", result.problems().size(),
                        result.problems().get(0).kind());
            }
        } catch (RuntimeException e) {
            LOG.warnf("The audit trail could not be checked this time: %s", e.getClass().getSimpleName());
        }
    }

    /** Checks the trail (against the anchors stored here and {@code held}), records the metrics and raises new breaks. */
    public AuditChainVerifier.Verification check(Collection<AuditAnchor> held) {
        AuditChainVerifier.Verification result = verifier.verify(held);
        intact.set(result.intact() ? 1 : 0);
        problems.set(result.problems().size());
        rows.set(result.rowsChecked());
        if (!result.intact()) {
            QuarkusTransaction.requiringNew().run(() -> alert(result.problems()));
        }
        return result;
    }

    private void alert(List<AuditProblem> found) {
        Instant now = clock.instant();
        for (AuditProblem problem : found) {
            int fresh = em.createNativeQuery("""
                    INSERT INTO audit_break (chain, position, kind, detected_at) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, problem.chain()).setParameter(2, problem.position())
                    .setParameter(3, problem.kind().name()).setParameter(4, java.sql.Timestamp.from(now))
                    .executeUpdate();
            if (fresh == 1) {
                outbox.record(AuditChainBroken.TYPE, "audit-trail", new AuditChainBroken(outboxSettings.source(),
                        problem.chain(), problem.position(), problem.kind().name(), now));
            }
        }
    }
}
