package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private final LoginAttempts attempts = new LoginAttempts(3, 60_000);

    @Test
    void locksAfterTooManyFailuresInARowThenUnlocks() {
        assertFalse(attempts.recordFailure("bob", 1000));
        assertFalse(attempts.recordFailure("bob", 1001));
        assertEquals(0, attempts.lockedForMillis("bob", 1002));
        assertTrue(attempts.recordFailure("bob", 1002));
        assertEquals(60_000, attempts.lockedForMillis("bob", 1002));
        assertEquals(1, attempts.lockedForMillis("bob", 61_001));
        assertEquals(0, attempts.lockedForMillis("bob", 61_002));
        assertFalse(attempts.recordFailure("bob", 61_003), "the count starts again after a lock");
    }

    @Test
    void successResetsTheCount() {
        attempts.recordFailure("ann", 0);
        attempts.recordFailure("ann", 1);
        attempts.recordSuccess("ann");
        assertFalse(attempts.recordFailure("ann", 2));
        assertFalse(attempts.recordFailure("ann", 3));
    }

    @Test
    void oldFailuresAreForgotten() {
        attempts.recordFailure("cy", 0);
        attempts.recordFailure("cy", 1);
        assertFalse(attempts.recordFailure("cy", 1 + LoginAttempts.FAILURE_MEMORY_MILLIS + 1));
    }

    @Test
    void namesAreCountedApart() {
        attempts.recordFailure("a", 0);
        attempts.recordFailure("a", 0);
        assertFalse(attempts.recordFailure("b", 0));
        assertTrue(attempts.recordFailure("a", 0));
        assertEquals(0, attempts.lockedForMillis("b", 0));
    }
}
