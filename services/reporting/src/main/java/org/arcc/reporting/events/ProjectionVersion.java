package org.arcc.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A number that changes with the projections (V3__projection_version.sql): raised in the transaction that changes
 * them, so a reader that sees the old number may still compute from the new rows, never the other way round. What
 * figures are cached under it is therefore never older than the number says.
 */
@ApplicationScoped
public class ProjectionVersion {

    @Inject
    EntityManager em;

    /** Marks the projections changed, in the transaction that changed them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise() {
        em.createNativeQuery("UPDATE report_projection_version SET version = version + 1").executeUpdate();
    }

    /** The projections' version as committed now: one primary-key read. */
    @Transactional
    public long current() {
        return ((Number) em.createNativeQuery("SELECT version FROM report_projection_version").getSingleResult())
                .longValue();
    }
}
