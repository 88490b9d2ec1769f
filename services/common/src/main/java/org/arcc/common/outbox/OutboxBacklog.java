package org.arcc.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
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
        Gauge.builder(BACKLOG, this, backlog -> backlog.read("SELECT count(*) FROM outbox_event"))
                .description("Events in the outbox not yet published to Kafka").register(metrics);
        Gauge.builder(OLDEST_AGE, this, backlog -> backlog.read(
                "SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM outbox_event"))
                .description("Seconds the oldest unpublished event has waited in the outbox (0 when empty)")
                .register(metrics);
    }

    /** NaN when the database cannot be read: "unknown", which no alert mistakes for "empty". */
    private double read(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getDouble(1) : Double.NaN;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
