package dev.calls.ejb.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
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
