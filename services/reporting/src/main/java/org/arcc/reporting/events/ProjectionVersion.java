package org.arcc.reporting.events;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.arcc.reporting.domain.Periods;
import org.hibernate.Session;

/**
 * Numbers that change with the projections (V3__projection_version.sql, V4__month_version.sql): raised in the
 * transaction that changes them, so a reader that sees the old number may still compute from the new rows, never
 * the other way round. What figures are cached under it is therefore never older than the number says.
 * <p>
 * One number for the whole projection, raised once per transaction that changed a row, and the same number stamped
 * on each month whose figures the transaction can change ({@link #raise(Touched)}); the figures of a period are
 * kept under {@link #of(Periods)}, the highest number of its months, so a change to another month leaves them be.
 */
@ApplicationScoped
public class ProjectionVersion {

    /** The number this transaction raised the projections' version to. */
    private static final Object RAISED = new Object();

    /** Every month: a rebuild's reset changes them all. */
    static final String EVERY_MONTH = "*";

    /**
     * The months whose figures rows of these cases, evidence items and referrals count in: each case's month of
     * arrival (its facts, consents, items and referrals count there) and each referral's month of receipt, in
     * Pakistan time, as {@link Periods#monthOf} counts them; plus months given outright.
     */
    private static final String STAMP = """
            INSERT INTO report_month_version (month, version)
            SELECT month, ? FROM (
                SELECT to_char(c.arrived_at AT TIME ZONE 'Asia/Karachi', 'YYYY-MM') AS month FROM report_case c
                WHERE c.case_id = ANY (?::uuid[])
                   OR c.case_id IN (SELECT i.case_id FROM report_evidence_item i WHERE i.item_id = ANY (?::uuid[]))
                UNION
                SELECT to_char(r.received_at AT TIME ZONE 'Asia/Karachi', 'YYYY-MM') FROM report_referral r
                WHERE r.received_at IS NOT NULL AND (r.referral_id = ANY (?::uuid[]) OR r.case_id = ANY (?::uuid[]))
                UNION
                SELECT unnest(?::varchar[])
            ) touched ORDER BY month
            ON CONFLICT (month) DO UPDATE SET version = EXCLUDED.version""";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** What a transaction's statements touched, for the months they can change. */
    public record Touched(Collection<UUID> cases, Collection<UUID> items,
            Collection<UUID> referrals, Collection<String> months) {
    }

    /** Marks every month changed (a rebuild's reset), in the transaction that changed them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raiseEveryMonth() {
        em.createNativeQuery("UPDATE report_month_version SET version = ?1 WHERE month = '" + EVERY_MONTH + "'")
                .setParameter(1, next()).executeUpdate();
    }

    /**
     * Marks the months whose figures the touched rows count in as changed, in the transaction that changed the rows
     * (after its statements ran, so that a case inserted by it is found); the global number is raised once per
     * transaction, however many events it applies (the consumer applies a poll's records in one transaction).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(Touched touched) {
        long version = next();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement stamp = connection.prepareStatement(STAMP)) {
                stamp.setLong(1, version);
                stamp.setArray(2, connection.createArrayOf("uuid", touched.cases().toArray()));
                stamp.setArray(3, connection.createArrayOf("uuid", touched.items().toArray()));
                stamp.setArray(4, connection.createArrayOf("uuid", touched.referrals().toArray()));
                stamp.setArray(5, connection.createArrayOf("uuid", touched.cases().toArray()));
                stamp.setArray(6, connection.createArrayOf("varchar", touched.months().toArray()));
                stamp.executeUpdate();
            }
        });
    }

    /** The projections' version as committed now: one primary-key read. */
    @Transactional
    public long current() {
        return ((Number) em.createNativeQuery("SELECT version FROM report_projection_version").getSingleResult())
                .longValue();
    }

    /**
     * The version the figures of these months are at, as committed now: the highest number stamped on one of them
     * or on every month (one index range read).
     */
    @Transactional
    public long of(Periods periods) {
        return ((Number) em.createNativeQuery("""
                SELECT max(version) FROM report_month_version
                WHERE month = ?1 OR (month >= ?2 AND month <= ?3)""")
                .setParameter(1, EVERY_MONTH).setParameter(2, periods.from().toString())
                .setParameter(3, periods.to().toString()).getSingleResult()).longValue();
    }

    /** The projections' version raised once for this transaction: the number it stamps on what it changed. */
    private long next() {
        Long raised = (Long) transaction.getResource(RAISED);
        if (raised == null) {
            raised = em.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement raise = connection.prepareStatement(
                        "UPDATE report_projection_version SET version = version + 1 RETURNING version");
                        ResultSet row = raise.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });
            transaction.putResource(RAISED, raised);
        }
        return raised;
    }
}
