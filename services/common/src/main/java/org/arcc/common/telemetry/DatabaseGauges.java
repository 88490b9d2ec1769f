package org.arcc.common.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges read from the service's database when metrics are scraped (every 30 s): a count or an age that a
 * single query answers. A value the database cannot give now is NaN, "unknown", which no alert mistakes for 0.
 */
public final class DatabaseGauges {

    private DatabaseGauges() {
    }

    /** Registers a gauge whose value is the first column of the first row of {@code sql}. */
    public static Gauge register(MeterRegistry metrics, String name, String description, DataSource dataSource,
            String sql) {
        return Gauge.builder(name, dataSource, source -> read(source, sql)).description(description).register(metrics);
    }

    private static double read(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Double.NaN;
            }
            double value = rs.getDouble(1);
            return rs.wasNull() ? Double.NaN : value;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
