package dev.calls.ejb.error;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a request that failed because the database could not be reached, read or written (closed after a
 * full disk, read-only, its connections gone, no connection to be had) and turns it into the contract's
 * {@code 503 database_unavailable} with a Retry-After, instead of the 500 of a fault in the code. JPA and the
 * EJB container wrap the driver's {@link SQLException} (Hibernate's JDBCConnectionException in a
 * PersistenceException in an EJBException), so the whole cause chain is searched, and the exceptions suppressed
 * in it. Not a database fault: an
 * SQLException of SQLSTATE class 22 (data exception), 23 (integrity constraint violation) or 42 (syntax error
 * or access rule violation) — the request's or the code's own error, which waiting would not cure (SQL:2016
 * part 2, section 24.1; PostgreSQL and H2 use these classes).
 */
public final class DatabaseFault {

    /** The contract's error id. */
    public static final String ID = "database_unavailable";

    /** Long enough for the pool to evict broken connections and for a database restart; short for a user. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private static final Set<String> NOT_AVAILABILITY_CLASSES = Set.of("22", "23", "42");

    private DatabaseFault() {
    }

    /** The refusal to answer with when {@code failure} came from an unavailable database. */
    public static Optional<CallsException> in(Throwable failure) {
        return driverError(failure, Collections.newSetFromMap(new IdentityHashMap<>()))
                .filter(DatabaseFault::isAvailabilityFault)
                .map(sql -> refusal());
    }

    /**
     * The first {@link SQLException} in the cause chain or, failing that, among the exceptions suppressed along
     * it: a commit that fails (H2 writing a commit to a full disk) reaches the caller as the transaction manager's
     * RollbackException, with the driver's error suppressed in it rather than as its cause.
     */
    private static Optional<SQLException> driverError(Throwable failure, Set<Throwable> seen) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
            chain.add(t);
        }
        for (Throwable t : chain) {
            for (Throwable suppressed : t.getSuppressed()) {
                Optional<SQLException> found = driverError(suppressed, seen);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    public static CallsException refusal() {
        return new CallsException(503, ID, "The database is unavailable; try again in a few seconds.",
                RETRY_AFTER_SECONDS);
    }

    private static boolean isAvailabilityFault(SQLException sql) {
        String state = sql.getSQLState();
        return state == null || state.length() < 2 || !NOT_AVAILABILITY_CLASSES.contains(state.substring(0, 2));
    }
}
