package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailedLoginRateTest {

    private static final String FLOOD = "198.51.100.7";
    private static final String OTHER = "192.0.2.1";

    /** 6 a minute = one every 10 s, 3 at once. */
    private final FailedLoginRate rate = new FailedLoginRate(6, 3, 1000);

    @Test
    void aSourceSpendsItsBurstThenOneAttemptPerRefillInterval() {
        assertTrue(rate.tryTake(FLOOD, 0));
        assertTrue(rate.tryTake(FLOOD, 0));
        assertTrue(rate.tryTake(FLOOD, 0));
        assertFalse(rate.tryTake(FLOOD, 0));
        assertEquals(10_000, rate.waitMillis(FLOOD, 0));
        assertFalse(rate.tryTake(FLOOD, 9_999));
        assertTrue(rate.tryTake(FLOOD, 10_000));
        assertFalse(rate.tryTake(FLOOD, 10_001));
    }

    @Test
    void otherSourcesKeepTheirBudget() {
        for (int i = 0; i < 100; i++) {
            rate.tryTake(FLOOD, i);
        }
        assertEquals(0, rate.waitMillis(OTHER, 100));
        assertTrue(rate.tryTake(OTHER, 100));
    }

    @Test
    void successfulSignInsGiveTheirAttemptBack() {
        for (int i = 0; i < 10; i++) {
            assertTrue(rate.tryTake(OTHER, i));
            rate.giveBack(OTHER, i);
        }
        assertEquals(0, rate.waitMillis(OTHER, 10));
    }

    @Test
    void theBudgetNeverGrowsPastTheBurst() {
        rate.giveBack(OTHER, 0);
        rate.giveBack(OTHER, 1_000_000);
        assertTrue(rate.tryTake(OTHER, 1_000_000));
        assertTrue(rate.tryTake(OTHER, 1_000_000));
        assertTrue(rate.tryTake(OTHER, 1_000_000));
        assertFalse(rate.tryTake(OTHER, 1_000_000));
    }

    @Test
    void memoryIsBoundedUnderASprayOfSources() {
        FailedLoginRate small = new FailedLoginRate(6, 3, 100);
        for (int i = 0; i < 10_000; i++) {
            small.tryTake("10.0." + (i / 256) + "." + (i % 256), i);
        }
        assertEquals(100, small.tracked());
    }
}
