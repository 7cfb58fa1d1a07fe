package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private static final String HOME = "192.0.2.1";
    private static final String ATTACKER = "198.51.100.7";

    private final LoginAttempts attempts = new LoginAttempts(3, 60_000, 1000);

    @Test
    void locksAfterTooManyFailuresInARowThenUnlocks() {
        assertFalse(attempts.recordFailure(HOME, "bob", 1000));
        assertFalse(attempts.recordFailure(HOME, "bob", 1001));
        assertEquals(0, attempts.lockedForMillis(HOME, "bob", 1002));
        assertTrue(attempts.recordFailure(HOME, "bob", 1002));
        assertEquals(60_000, attempts.lockedForMillis(HOME, "bob", 1002));
        assertEquals(1, attempts.lockedForMillis(HOME, "bob", 61_001));
        assertEquals(0, attempts.lockedForMillis(HOME, "bob", 61_002));
        assertFalse(attempts.recordFailure(HOME, "bob", 61_003), "the count starts again after a lock");
    }

    @Test
    void anAttackerLocksOnlyThemselvesOutNeverTheOwner() {
        for (long t = 0; t < 10 * 61_000; t += 61_000) {
            for (int i = 0; i < 3; i++) {
                attempts.recordFailure(ATTACKER, "admin", t + i);
            }
            assertTrue(attempts.lockedForMillis(ATTACKER, "admin", t + 3) > 0);
            assertEquals(0, attempts.lockedForMillis(HOME, "admin", t + 3), "the owner's address is never locked");
        }
    }

    @Test
    void successResetsTheCountOfThatPairOnly() {
        attempts.recordFailure(HOME, "ann", 0);
        attempts.recordFailure(HOME, "ann", 1);
        attempts.recordFailure(ATTACKER, "ann", 1);
        attempts.recordFailure(ATTACKER, "ann", 1);
        attempts.recordSuccess(HOME, "ann");
        assertFalse(attempts.recordFailure(HOME, "ann", 2));
        assertFalse(attempts.recordFailure(HOME, "ann", 3));
        assertTrue(attempts.recordFailure(ATTACKER, "ann", 3));
    }

    @Test
    void oldFailuresAreForgotten() {
        attempts.recordFailure(HOME, "cy", 0);
        attempts.recordFailure(HOME, "cy", 1);
        assertFalse(attempts.recordFailure(HOME, "cy", 1 + LoginAttempts.FAILURE_MEMORY_MILLIS + 1));
    }

    @Test
    void namesAreCountedApart() {
        attempts.recordFailure(HOME, "a", 0);
        attempts.recordFailure(HOME, "a", 0);
        assertFalse(attempts.recordFailure(HOME, "b", 0));
        assertTrue(attempts.recordFailure(HOME, "a", 0));
        assertEquals(0, attempts.lockedForMillis(HOME, "b", 0));
    }

    @Test
    void memoryIsBoundedUnderASprayOfNames() {
        LoginAttempts small = new LoginAttempts(3, 60_000, 100);
        for (int i = 0; i < 10_000; i++) {
            small.recordFailure(ATTACKER, "name" + i, i);
        }
        assertEquals(100, small.tracked());
    }
}
