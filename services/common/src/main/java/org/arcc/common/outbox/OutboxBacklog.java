package org.arcc.common.outbox;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.common.telemetry.DatabaseGauges;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * How far the relay is behind, read from the outbox table when metrics are scraped: events waiting to be
 * published ({@code arcc_outbox_backlog}) and the age of the oldest ({@code arcc_outbox_oldest_age_seconds}).
 * A growing backlog means the broker is away or the relay is stuck; state changes are still committed.
 */
@ApplicationScoped
public class OutboxBacklog {

    public static final String BACKLOG = "arcc.outbox.backlog";
    public static final String OLDEST_AGE = "arcc.outbox.oldest.age.seconds";

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    void register(@Observes StartupEvent event) {
        DatabaseGauges.register(metrics, BACKLOG, "Events in the outbox not yet published to Kafka", dataSource,
                "SELECT count(*) FROM outbox_event");
        DatabaseGauges.register(metrics, OLDEST_AGE, "Seconds the oldest unpublished event has waited (0 when none)",
                dataSource, "SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM outbox_event");
    }
}
