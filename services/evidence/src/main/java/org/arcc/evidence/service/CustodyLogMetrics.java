package org.arcc.evidence.service;

import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.common.telemetry.DatabaseGauges;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The custody log as the alerts see it (docs/deployment.md, "Alerts"): whether its last integrity check passed
 * ({@code arcc_custody_log_intact}: 1, 0 after a check found rewritten entries, NaN before the first), how many
 * entries no signed checkpoint covers yet, and how old the latest checkpoint is. Counts and ages only.
 */
@ApplicationScoped
public class CustodyLogMetrics {

    public static final String INTACT = "arcc.custody.log.intact";
    public static final String UNSIGNED_ENTRIES = "arcc.custody.log.unsigned.entries";
    public static final String CHECKPOINT_AGE = "arcc.custody.checkpoint.age.seconds";

    @Inject
    MeterRegistry metrics;

    @Inject
    DataSource dataSource;

    /** 1 intact, 0 broken, -1 before the first check. */
    private final AtomicLong intact = new AtomicLong(-1);

    /** At start, so the alerts see the gauges before the first checkpoint is attempted. */
    void register(@Observes StartupEvent event) {
        Gauge.builder(INTACT, intact, v -> v.get() < 0 ? Double.NaN : v.get())
                .description("1 if the custody log passed its last integrity check (before a checkpoint), 0 if not")
                .register(metrics);
        DatabaseGauges.register(metrics, UNSIGNED_ENTRIES, "Custody entries logged since the latest signed checkpoint",
                dataSource, """
                        SELECT h.tree_size - coalesce((SELECT max(tree_size) FROM signed_checkpoint), 0)
                        FROM custody_log_head h WHERE h.id = 1""");
        DatabaseGauges.register(metrics, CHECKPOINT_AGE, "Seconds since the latest checkpoint was signed (NaN before the first)",
                dataSource, "SELECT extract(epoch FROM now() - max(issued_at)) FROM signed_checkpoint");
    }

    void checked(boolean passed) {
        intact.set(passed ? 1 : 0);
    }
}
