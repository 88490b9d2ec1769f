package org.arcc.common.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure means the service's own database cannot be reached right now (restarting, shut down, the
 * connection cut, no connection to be had in time) rather than a defect: nothing was stored, and the same request
 * can be sent again in a few seconds. Recognised anywhere in the cause chain, since the SQL error comes wrapped by
 * Hibernate, the connection pool or the transaction manager:
 * <ul>
 * <li>a {@link SQLException} of SQL state class {@code 08} (connection exception: cannot connect, connection
 * broken or closed; what the PostgreSQL driver reports when the server is gone), or {@code 57P01}
 * (admin_shutdown: "terminating connection due to administrator command"), {@code 57P02} (crash_shutdown) or
 * {@code 57P03} (cannot_connect_now: the server is starting or stopping);</li>
 * <li>a {@link SQLTransientConnectionException} or Hibernate's {@link JDBCConnectionException};</li>
 * <li>the Agroal pool's acquisition timeout (no connection within {@code acquisition-timeout}: a plain
 * {@code SQLException} without SQL state, known only by its message).</li>
 * </ul>
 */
public final class DatabaseAway {

    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
    /** The message of Agroal's {@code SQLException} when no connection could be acquired in time. */
    static final String POOL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout!";

    private DatabaseAway() {
    }

    /**
     * Why {@code failure} means the database is away, as codes only (a SQL state or a class name, never a
     * message, which can echo data); empty when it does not.
     */
    public static Optional<String> reasonIn(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            Optional<String> reason = reasonOf(cause);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} means the database is away ({@link #reasonIn}). */
    public static boolean isCauseOf(Throwable failure) {
        return reasonIn(failure).isPresent();
    }

    private static Optional<String> reasonOf(Throwable cause) {
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state))) {
                return Optional.of("SQL state " + state);
            }
            if (state == null && POOL_ACQUISITION_TIMEOUT.equals(sql.getMessage())) {
                return Optional.of("no pooled connection in time");
            }
            if (sql instanceof SQLTransientConnectionException) {
                return Optional.of(sql.getClass().getSimpleName());
            }
        }
        if (cause instanceof JDBCConnectionException) {
            return Optional.of(cause.getClass().getSimpleName());
        }
        return Optional.empty();
    }
}
