package org.arcc.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * A number that changes with the projections (V3__projection_version.sql): raised in the transaction that changes
 * them, so a reader that sees the old number may still compute from the new rows, never the other way round. What
 * figures are cached under it is therefore never older than the number says.
 */
@ApplicationScoped
public class ProjectionVersion {

    /** Marks a transaction that already raised the version. */
    private static final Object RAISED = new Object();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * Marks the projections changed, in the transaction that changed them; once per transaction, however many
     * events it applies (the consumer applies a poll's records in one transaction).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise() {
        if (transaction.getResource(RAISED) != null) {
            return;
        }
        em.createNativeQuery("UPDATE report_projection_version SET version = version + 1").executeUpdate();
        transaction.putResource(RAISED, Boolean.TRUE);
    }

    /** The projections' version as committed now: one primary-key read. */
    @Transactional
    public long current() {
        return ((Number) em.createNativeQuery("SELECT version FROM report_projection_version").getSingleResult())
                .longValue();
    }
}
