package org.arcc.common.inbox;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * The consumer's own database could not be reached (PostgreSQL restarting, the network to it down, the pool out
 * of connections): a state of the service, not of the event. The consumer backs off and reads the same record
 * again instead of spending its attempts on it and dead-lettering a valid event.
 *
 * <p>Carries only the SQL state, never the driver's message: that is all a log line or readiness needs.
 */
public class DatabaseUnreachableException extends RuntimeException {

    /** Server shutting down (admin or crash) or still starting: PostgreSQL's 57P01, 57P02, 57P03. */
    private static final Set<String> SERVER_AWAY = Set.of("57P01", "57P02", "57P03");
    /** Agroal's own {@link SQLException} (no SQL state) when no connection could be had in time. */
    private static final String POOL_ACQUISITION_TIMEOUT = "Acquisition timeout";

    DatabaseUnreachableException(Throwable cause) {
        super("own database unreachable" + sqlState(cause).map(s -> " (SQL state " + s + ")").orElse(""), cause,
                false, false);
    }

    /**
     * Whether {@code failure}, or anything it was caused by, says the database could not be reached: an SQL state
     * of class 08 (connection exception), 57P01/57P02/57P03, Hibernate's {@link JDBCConnectionException}, or
     * the connection pool's acquisition timeout. Constraint violations, bad SQL, serialisation failures and the
     * handler's own errors are not: they concern the event and go through its attempts.
     */
    public static boolean isBehind(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DatabaseUnreachableException || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null && (e == sql || seen.add(e)); e = e.getNextException()) {
                    if (isUnreachableState(e.getSQLState()) || isPoolTimeout(e)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean isUnreachableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_AWAY.contains(sqlState));
    }

    private static boolean isPoolTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().startsWith(POOL_ACQUISITION_TIMEOUT);
    }

    private static Optional<String> sqlState(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
