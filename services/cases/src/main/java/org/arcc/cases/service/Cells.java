package org.arcc.cases.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.Cell;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.jboss.logging.Logger;

/**
 * The cells of the network, as reference data. Adding one is a platform administrator's act, recorded on the
 * cell (who added it, when) and in the log. It is not written to the audit trail: that trail is the record of
 * accesses to survivor data, and a cell is none (partner webhook registration, the other administrator's act,
 * is kept the same way).
 */
@ApplicationScoped
public class Cells {

    private static final Logger LOG = Logger.getLogger(Cells.class);

    @Inject
    EntityManager em;

    @Transactional
    public List<Cell> all() {
        return Cell.list("order by code");
    }

    /** Adds a cell; 409 if one with the code exists, also when two administrators add it at once. */
    @Transactional
    public Cell add(Caller caller, String code, String name, String city) {
        int added = em.createNativeQuery("""
                INSERT INTO cell (code, name, city, created_by) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (code) DO NOTHING""")
                .setParameter(1, code).setParameter(2, name).setParameter(3, city).setParameter(4, caller.subject())
                .executeUpdate();
        if (added == 0) {
            throw ProblemException.conflict("A cell with this code exists");
        }
        LOG.infof("Cell %s added by %s", code, caller.subject());
        return Cell.findById(code);
    }
}
