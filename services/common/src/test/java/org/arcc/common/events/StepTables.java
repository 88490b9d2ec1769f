package org.arcc.common.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** What the backbone tests look at in the database. */
public final class StepTables {

    private StepTables() {
    }

    /** Steps applied to the projection for aggregates whose id starts with the prefix. */
    public static long applied(DataSource dataSource, String prefix) throws SQLException {
        return count(dataSource, "SELECT count(*) FROM step_projection WHERE aggregate_id LIKE '" + prefix + "%'");
    }

    /** Steps applied out of order for aggregates whose id starts with the prefix. */
    public static long outOfOrder(DataSource dataSource, String prefix) throws SQLException {
        return count(dataSource, "SELECT count(*) FROM order_violation WHERE aggregate_id LIKE '" + prefix + "%'");
    }

    /** Outbox rows still waiting for aggregates whose id starts with the prefix. */
    public static long waiting(DataSource dataSource, String prefix) throws SQLException {
        return count(dataSource, "SELECT count(*) FROM outbox_event WHERE aggregate_id LIKE '" + prefix + "%'");
    }

    public static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
