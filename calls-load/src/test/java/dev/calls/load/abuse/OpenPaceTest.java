package dev.calls.load.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class OpenPaceTest {

    @Test
    void openingsAreSpacedByTheRate() {
        OpenPace pace = new OpenPace(50, 1_000, Long.MAX_VALUE);

        assertEquals(1_000, pace.dueNanos(0));
        assertEquals(1_000 + TimeUnit.MILLISECONDS.toNanos(20) * 3, pace.dueNanos(3));
    }

    @Test
    void nothingOpensAtOrAfterTheDeadline() throws InterruptedException {
        long now = System.nanoTime();
        OpenPace pace = new OpenPace(10, now, now + TimeUnit.MILLISECONDS.toNanos(150));

        assertTrue(pace.awaitTurn(0));
        assertFalse(pace.awaitTurn(2), "the third is due at 200 ms, after the deadline");
    }
}
