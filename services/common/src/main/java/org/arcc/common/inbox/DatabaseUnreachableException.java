package org.arcc.common.inbox;

import org.arcc.common.database.DatabaseAway;

/**
 * The consumer's own database could not be reached (PostgreSQL restarting, the network to it down, the pool out
 * of connections): a state of the service, not of the event. The consumer backs off and reads the same record
 * again instead of spending its attempts on it and dead-lettering a valid event.
 *
 * <p>Carries only the SQL state, never the driver's message: that is all a log line or readiness needs.
 */
public class DatabaseUnreachableException extends RuntimeException {

    DatabaseUnreachableException(Throwable cause) {
        super("own database unreachable" + DatabaseAway.reasonIn(cause).map(reason -> " (" + reason + ")").orElse(""),
                cause, false, false);
    }

    /**
     * Whether {@code failure}, or anything it was caused by, says the database could not be reached: the platform's
     * one rule for it, {@link DatabaseAway} (SQL state class 08, 57P01/57P02/57P03, Hibernate's
     * {@code JDBCConnectionException}, the connection pool's acquisition timeouts). Constraint violations, bad SQL,
     * serialisation failures and the handler's own errors are not: they concern the event and go through its
     * attempts.
     */
    public static boolean isBehind(Throwable failure) {
        return failure instanceof DatabaseUnreachableException || DatabaseAway.isCauseOf(failure);
    }
}
