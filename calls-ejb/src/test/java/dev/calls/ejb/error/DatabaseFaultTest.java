package dev.calls.ejb.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFaultTest {

    @Test
    void aClosedDatabaseDeepInTheChainIs503WithRetryAfter() {
        // As H2 reports it after a failed write, wrapped by JPA and the EJB container.
        SQLException closed = new SQLException("Database is already closed", "90098", 90098);
        CallsException refusal = DatabaseFault.in(new EJBException(new PersistenceException(closed))).orElseThrow();

        assertEquals(503, refusal.status());
        assertEquals("database_unavailable", refusal.id());
        assertEquals(5, refusal.retryAfterSeconds());
    }

    @Test
    void aCommitThatCouldNotBeWrittenIs503() {
        // As WildFly reports a commit H2 could not write to a full disk: the driver's error is suppressed in the
        // transaction manager's RollbackException, under the pool's exceptions, not its cause.
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("IJ001156: Could not commit local transaction",
                new IllegalStateException("SQLException", new SQLException("General error: No space left on device", "HY000"))));
        assertTrue(DatabaseFault.in(new EJBTransactionRolledbackException("rolled back", rollback)).isPresent());
    }

    @Test
    void aSuppressedErrorOfTheRequestItselfIsNot() {
        IllegalStateException failure = new IllegalStateException("flush failed");
        failure.addSuppressed(new SQLIntegrityConstraintViolationException("duplicate key", "23505"));
        assertTrue(DatabaseFault.in(new EJBException(failure)).isEmpty());
    }

    @Test
    void aCauseComesBeforeWhatWasSuppressedOnTheWay() {
        EJBException failure = new EJBException(new PersistenceException(new SQLException("no such table", "42P01")));
        failure.addSuppressed(new SQLException("closed", "90098"));
        assertTrue(DatabaseFault.in(failure).isEmpty(), "the cause says what failed");
    }

    @Test
    void aLostConnectionIs503() {
        // Hibernate's JDBCConnectionException carries the driver's SQLSTATE class 08 exception as its cause.
        SQLException terminated = new SQLNonTransientConnectionException("terminating connection", "57P01");
        assertTrue(DatabaseFault.in(new PersistenceException("could not execute statement", terminated)).isPresent());
        assertTrue(DatabaseFault.in(new SQLNonTransientConnectionException("refused", "08001")).isPresent());
    }

    @Test
    void noConnectionFromThePoolIs503() {
        // The pool reports it without an SQLSTATE.
        assertTrue(DatabaseFault.in(new PersistenceException(new SQLException("IJ031084: Unable to create connection"))).isPresent());
    }

    @Test
    void aReadOnlyDatabaseIs503() {
        assertTrue(DatabaseFault.in(new SQLException("cannot execute UPDATE in a read-only transaction", "25006")).isPresent());
    }

    @Test
    void theRequestsOwnSqlErrorsAreNot() {
        assertTrue(DatabaseFault.in(new PersistenceException(
                new SQLIntegrityConstraintViolationException("duplicate key", "23505"))).isEmpty());
        assertTrue(DatabaseFault.in(new SQLException("value too long", "22001")).isEmpty());
        assertTrue(DatabaseFault.in(new SQLException("no such table", "42P01")).isEmpty());
    }

    @Test
    void failuresWithoutAnSqlExceptionAreNot() {
        assertTrue(DatabaseFault.in(new PersistenceException("entity not found")).isEmpty());
        assertTrue(DatabaseFault.in(new IllegalStateException()).isEmpty());
    }
}
