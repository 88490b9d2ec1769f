package org.arcc.common.retention;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.arcc.common.idempotency.IdempotencySettings;
import org.arcc.common.idempotency.IdempotencyStore;
import org.arcc.common.inbox.Inbox;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what the platform keeps only for a while: first results of idempotent POSTs after
 * {@code arcc.idempotency.retention} (with their data keys) and inbox rows after {@code arcc.retention.inbox}.
 * Every instance may run it; the deletes are idempotent.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    @Inject
    IdempotencyStore idempotency;

    @Inject
    IdempotencySettings idempotencySettings;

    @Inject
    Inbox inbox;

    @Inject
    RetentionSettings settings;

    @Inject
    Clock clock;

    /** What one purge removed. */
    public record Purged(int idempotentResults, int inboxEvents) {
    }

    @Scheduled(every = "${arcc.retention.purge-interval:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Purged purged = purge(clock.instant());
        if (purged.idempotentResults() + purged.inboxEvents() > 0) {
            LOG.infof("Retention purge: %d idempotent results, %d inbox events", purged.idempotentResults(),
                    purged.inboxEvents());
        }
    }

    /** Purges everything that expired by {@code now}. */
    public Purged purge(Instant now) {
        int results = drain(batch -> idempotency.purgeBefore(now.minus(idempotencySettings.retention()), batch));
        int events = drain(batch -> inbox.purgeBefore(now.minus(settings.inbox()), batch));
        return new Purged(results, events);
    }

    private int drain(java.util.function.IntUnaryOperator purgeBatch) {
        int total = 0;
        int deleted;
        do {
            deleted = purgeBatch.applyAsInt(settings.purgeBatch());
            total += deleted;
        } while (deleted == settings.purgeBatch());
        return total;
    }
}
