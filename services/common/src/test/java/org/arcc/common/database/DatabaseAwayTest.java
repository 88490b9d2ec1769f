package org.arcc.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.arcc.testing.UnitTest;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.SQLGrammarException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Which failures mean "the database is away, retry shortly" (a 503) and which remain defects (a 500): the
 * failures a service met while its PostgreSQL restarted, wrapped as Hibernate, Agroal and Narayana wrap them.
 */
@UnitTest
class DatabaseAwayTest {

    @Test
    void aConnectionThePoolCannotOpenIsAway() {
        // Agroal's pool while PostgreSQL is stopped: the driver's 08001 (connection refused underneath).
        PSQLException refused = new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        Throwable served = new GenericJDBCException("Unable to acquire JDBC Connection", refused);

        assertThat(DatabaseAway.reasonIn(served)).contains("SQL state 08001");
    }

    @Test
    void aPooledConnectionTheServerDroppedIsAway() {
        assertThat(DatabaseAway.reasonIn(new JDBCConnectionException("could not execute statement",
                new PSQLException("An I/O error occurred while sending to the backend", PSQLState.CONNECTION_FAILURE))))
                .contains("SQL state 08006");
        assertThat(DatabaseAway.reasonIn(new PersistenceException(new PSQLException("This connection has been closed.",
                PSQLState.CONNECTION_DOES_NOT_EXIST)))).contains("SQL state 08003");
    }

    @Test
    void theServerShuttingDownOrStartingIsAway() {
        for (String state : new String[] { "57P01", "57P02", "57P03" }) {
            Throwable served = new GenericJDBCException("could not execute query", new SQLException("terminating", state));
            assertThat(DatabaseAway.reasonIn(served)).as(state).contains("SQL state " + state);
        }
    }

    @Test
    void aFailedCommitCarriesItsCause() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(new PersistenceException(new SQLException("terminating connection", "57P01")));

        assertThat(DatabaseAway.isCauseOf(commit)).isTrue();
    }

    @Test
    void noConnectionFromThePoolInTimeIsAway() {
        for (String timeout : DatabaseAway.POOL_ACQUISITION_TIMEOUTS) {
            Throwable served = new GenericJDBCException("Unable to acquire JDBC Connection", new SQLException(timeout));
            assertThat(DatabaseAway.reasonIn(served)).as(timeout).contains("no pooled connection in time");
        }
        assertThat(DatabaseAway.isCauseOf(new SQLTransientConnectionException("timed out"))).isTrue();
        assertThat(DatabaseAway.isCauseOf(new JDBCConnectionException("no state", new SQLException("gone")))).isTrue();
    }

    @Test
    void errorsOfTheRequestOrTheCodeAreNotAway() {
        assertThat(DatabaseAway.isCauseOf(new ConstraintViolationException("duplicate",
                new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION), "uq_case"))).isFalse();
        assertThat(DatabaseAway.isCauseOf(new SQLGrammarException("no table",
                new PSQLException("relation does not exist", PSQLState.UNDEFINED_TABLE)))).isFalse();
        assertThat(DatabaseAway.isCauseOf(new GenericJDBCException("no state", new SQLException("something else"))))
                .isFalse();
        assertThat(DatabaseAway.isCauseOf(new SQLException("Sorry, acquisition timeout!", "23505")))
                .as("a message alone, with a SQL state of its own").isFalse();
        assertThat(DatabaseAway.isCauseOf(new IllegalStateException(new NullPointerException()))).isFalse();
        assertThat(DatabaseAway.isCauseOf(new ConnectException("refused")))
                .as("a connection to something else (the broker, another service)").isFalse();
    }

    @Test
    void aBrokenConnectionFurtherDownABatchsChainIsAway() {
        SQLException first = new SQLException("Batch failed", "XX000");
        first.setNextException(new SQLException("Batch entry 3 was aborted", "08006"));

        assertThat(DatabaseAway.reasonIn(new PersistenceException(first))).contains("SQL state 08006");
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(DatabaseAway.isCauseOf(first)).isFalse();
    }
}
