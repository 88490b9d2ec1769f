package org.arcc.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.PersistenceException;

import org.arcc.testing.UnitTest;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Which failures mean the consumer's own database is away (back off, read the same record again) and which
 * concern the event (spend its attempts, then dead-letter it).
 */
@UnitTest
class DatabaseUnreachableRulesTest {

    @Test
    void aConnectionFailureUnderTheTransactionAndPersistenceWrappersIsTheDatabaseAway() {
        PSQLException refused = new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        Exception asTheConsumerSeesIt = new QuarkusTransactionException(new PersistenceException("could not execute",
                new JDBCConnectionException("could not prepare statement", refused)));

        assertThat(DatabaseUnreachableException.isBehind(asTheConsumerSeesIt)).isTrue();
    }

    @Test
    void everyConnectionExceptionStateAndAServerShuttingDownOrStartingIsTheDatabaseAway() {
        for (String state : new String[] { "08000", "08001", "08003", "08004", "08006", "08P01", "57P01", "57P02",
                "57P03" }) {
            assertThat(DatabaseUnreachableException.isBehind(new SQLException("terminating connection", state)))
                    .as(state).isTrue();
        }
    }

    @Test
    void hibernatesConnectionExceptionAndThePoolsAcquisitionTimeoutAreTheDatabaseAway() {
        assertThat(DatabaseUnreachableException.isBehind(new JDBCConnectionException("no connection", new SQLException())))
                .isTrue();
        SQLException poolTimeout = new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException());
        assertThat(DatabaseUnreachableException.isBehind(new PersistenceException(poolTimeout))).isTrue();
    }

    @Test
    void aConnectionFailureFurtherDownABatchsChainOfSqlExceptionsIsTheDatabaseAway() {
        SQLException batch = new SQLException("Batch entry 3 was aborted", "08006");
        SQLException first = new SQLException("Batch failed", "XX000");
        first.setNextException(batch);

        assertThat(DatabaseUnreachableException.isBehind(first)).isTrue();
    }

    @Test
    void failuresThatConcernTheEventAreNotTheDatabaseAway() {
        assertThat(DatabaseUnreachableException.isBehind(new IllegalStateException("poison step 1"))).isFalse();
        assertThat(DatabaseUnreachableException.isBehind(new UncheckedIOException("payload does not fit",
                new java.io.IOException()))).isFalse();
        assertThat(DatabaseUnreachableException.isBehind(new PersistenceException(new ConstraintViolationException(
                "duplicate", new SQLIntegrityConstraintViolationException("duplicate key", "23505"), "pk"))))
                .isFalse();
        assertThat(DatabaseUnreachableException.isBehind(new SQLException("could not serialize access", "40001")))
                .isFalse();
        assertThat(DatabaseUnreachableException.isBehind(new SQLException("division by zero", "22012"))).isFalse();
        assertThat(DatabaseUnreachableException.isBehind(new SQLException("pool is shutting down"))).isFalse();
        assertThat(DatabaseUnreachableException.isBehind(null)).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEndsTheSearch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(DatabaseUnreachableException.isBehind(a)).isFalse();
    }

    @Test
    void whatTheConsumerReportsNamesTheSqlStateButNotTheDriversMessage() {
        DatabaseUnreachableException away = new DatabaseUnreachableException(new RuntimeException(
                new SQLException("FATAL: terminating connection for user amina", "57P01")));

        assertThat(away.getMessage()).isEqualTo("own database unreachable (SQL state 57P01)");
    }
}
