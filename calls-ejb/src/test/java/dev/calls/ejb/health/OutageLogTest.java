package dev.calls.ejb.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class OutageLogTest {

    private final Lines lines = new Lines();
    private final OutageLog outages = new OutageLog(lines);

    @Test
    void aWritableDatabaseLogsNothing() {
        outages.writable();
        outages.writable();
        assertEquals(List.of(), lines.logged);
    }

    @Test
    void anOutageIsOneWarningWithTheCauseAndOneInfoWhenItEndsWhateverTheProbesInBetween() {
        outages.writable();
        outages.notWritable(new PersistenceException(new SQLException("No space left on device", "HY000")));
        outages.notWritable(new SQLException("The database has been closed", "90098"));
        outages.notWritable(new SQLException("The database has been closed", "90098"));
        outages.writable();
        outages.writable();

        assertEquals(List.of("WARN the database cannot be written: No space left on device",
                "INFO the database takes writes again"), lines.logged);
    }

    @Test
    void eachOutageIsLoggedOnItsOwn() {
        outages.notWritable(new SQLException("Connection refused"));
        outages.writable();
        outages.notWritable(new IllegalStateException());

        assertEquals(List.of("WARN the database cannot be written: Connection refused",
                "INFO the database takes writes again",
                "WARN the database cannot be written: IllegalStateException"), lines.logged);
    }

    /** A logger that keeps each line it is given, with its level, and never a stack trace. */
    private static final class Lines extends Logger {

        final List<String> logged = new ArrayList<>();

        Lines() {
            super(OutageLogTest.class.getName());
        }

        @Override
        protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters, Throwable thrown) {
            assertEquals(null, thrown, "no stack trace");
            logged.add(level + " " + message);
        }

        @Override
        protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters, Throwable thrown) {
            assertEquals(null, thrown, "no stack trace");
            logged.add(level + " " + String.format(format, parameters));
        }

        @Override
        public boolean isEnabled(Level level) {
            return true;
        }
    }
}
