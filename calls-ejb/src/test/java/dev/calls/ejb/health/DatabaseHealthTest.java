package dev.calls.ejb.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatabaseHealthTest {

    private final Probe probe = new Probe();
    private final DatabaseHealth health = new DatabaseHealth();

    DatabaseHealthTest() {
        health.probe = probe;
        at(Duration.ZERO);
    }

    @Test
    void aWritableDatabaseIsHealthyAndProbedOncePerFiveSeconds() {
        assertTrue(health.problem().isEmpty());
        at(Duration.ofMillis(4_999));
        assertTrue(health.problem().isEmpty());
        assertEquals(1, probe.writes);

        at(Duration.ofSeconds(5));
        health.problem();
        assertEquals(2, probe.writes);
    }

    @Test
    void aFailedWriteIsAProblemUntilAWriteSucceedsAgain() {
        probe.failure = new SQLException("The database has been closed", "90098");
        assertEquals(DatabaseHealth.REASON, health.problem().orElseThrow());
        assertTrue(DatabaseHealth.REASON.contains("database"));

        probe.failure = null;
        at(Duration.ofSeconds(1));
        assertEquals(DatabaseHealth.REASON, health.problem().orElseThrow(), "the last answer holds for 5 s");
        at(Duration.ofSeconds(5));
        assertTrue(health.problem().isEmpty(), "recovers by itself");
    }

    @Test
    void aRequestTheDatabaseFailedIsAProblemForFiveSecondsThoughTheProbeWrites() {
        assertTrue(health.problem().isEmpty());
        at(Duration.ofSeconds(1));
        health.requestFailed();
        assertEquals(DatabaseHealth.REASON, health.problem().orElseThrow());
        at(Duration.ofMillis(5_999));
        assertEquals(DatabaseHealth.REASON, health.problem().orElseThrow());
        assertEquals(2, probe.writes, "the probe's own write went through");

        at(Duration.ofSeconds(6));
        assertTrue(health.problem().isEmpty(), "no failed request for five seconds");
    }

    private void at(Duration sinceStart) {
        health.clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z").plus(sinceStart), ZoneOffset.UTC);
    }

    private static final class Probe extends DatabaseProbe {
        int writes;
        SQLException failure;

        @Override
        public void write(long now) throws SQLException {
            writes++;
            if (failure != null) {
                throw failure;
            }
        }
    }
}
