package org.arcc.common.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;

/** A use case that commits steps through the outbox, as a real service would. */
@ApplicationScoped
public class StepService {

    @Inject
    Outbox outbox;

    /** Commits steps {@code from..to} of each aggregate in one transaction, interleaving aggregates. */
    @Transactional
    public void commit(java.util.List<String> aggregates, int from, int to) {
        for (int seq = from; seq <= to; seq++) {
            for (String aggregate : aggregates) {
                outbox.record(Step.TYPE, aggregate, new Step(aggregate, seq, false));
            }
        }
    }

    @Transactional
    public void commitPoison(String aggregate, int seq) {
        outbox.record(Step.TYPE, aggregate, new Step(aggregate, seq, true));
    }
}
