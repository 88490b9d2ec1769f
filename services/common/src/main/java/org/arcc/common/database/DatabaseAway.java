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
 * connection cut, no connection to be had in time) rather than a defect or a problem of the request or event:
 * nothing was stored, and the same work can be done again in a few seconds. The one rule for it: the API answers
 * {@code 503 temporarily-unavailable} ({@code ProblemExceptionMappers}), an event consumer backs off and reads the
 * same record again ({@code DatabaseUnreachableException}). Recognised anywhere in the cause chain (and a batch's
 * chain of SQL exceptions), since the SQL error comes wrapped by Hibernate, the connection pool or the transaction
 * manager:
 * <ul>
 * <li>a {@link SQLException} of SQL state class {@code 08} (connection exception: cannot connect, connection
 * broken or closed; what the PostgreSQL driver reports when the server is gone), or {@code 57P01}
 * (admin_shutdown: "terminating connection due to administrator command"), {@code 57P02} (crash_shutdown) or
 * {@code 57P03} (cannot_connect_now: the server is starting or stopping);</li>
 * <li>a {@link SQLTransientConnectionException} or Hibernate's {@link JDBCConnectionException};</li>
 * <li>the Agroal pool's acquisition timeouts (no connection within {@code acquisition-timeout}, waiting for a busy
 * pool or for a new connection: a plain {@code SQLException} without SQL state, known only by its message).</li>
 * </ul>
 * Constraint violations, bad SQL, serialisation failures and the code's own errors are not.
 */
public final class DatabaseAway {

    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
    /** Messages of Agroal's {@code SQLException}s when no connection could be had in time (busy pool, new one). */
    static final Set<String> POOL_ACQUISITION_TIMEOUTS = Set.of("Sorry, acquisition timeout!",
            "Acquisition timeout while waiting for new connection");

    private DatabaseAway() {
    }

    /**
     * Why {@code failure} means the database is away, as codes only (a SQL state or a class name, never a
     * message, which can echo data); empty when it does not (or {@code failure} is null).
     */
    public static Optional<String> reasonIn(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Optional<String> byClass = Optional.empty();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException e = sql; e != null && (e == sql || seen.put(e, Boolean.TRUE) == null);
                        e = e.getNextException()) {
                    Optional<String> byState = stateOf(e);
                    if (byState.isPresent()) {
                        return byState; // the driver's own word, under any wrapper
                    }
                }
            }
            if (byClass.isEmpty()) {
                byClass = classOf(cause);
            }
        }
        return byClass;
    }

    /** Whether {@code failure} means the database is away ({@link #reasonIn}). */
    public static boolean isCauseOf(Throwable failure) {
        return reasonIn(failure).isPresent();
    }

    private static Optional<String> stateOf(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state))) {
            return Optional.of("SQL state " + state);
        }
        if (state == null && sql.getMessage() != null && POOL_ACQUISITION_TIMEOUTS.contains(sql.getMessage())) {
            return Optional.of("no pooled connection in time");
        }
        return Optional.empty();
    }

    private static Optional<String> classOf(Throwable cause) {
        return cause instanceof SQLTransientConnectionException || cause instanceof JDBCConnectionException
                ? Optional.of(cause.getClass().getSimpleName())
                : Optional.empty();
    }
}
