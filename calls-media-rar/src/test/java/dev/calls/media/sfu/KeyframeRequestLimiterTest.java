package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class KeyframeRequestLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void letsTheFirstRequestThroughAndHoldsTheRestForAnInterval() {
        KeyframeRequestLimiter limiter = new KeyframeRequestLimiter(SECOND);
        long start = 42_000_000_000L;
        assertTrue(limiter.tryAcquire(start));
        assertFalse(limiter.tryAcquire(start + 1));
        assertFalse(limiter.tryAcquire(start + SECOND - 1));
        assertTrue(limiter.tryAcquire(start + SECOND));
        assertFalse(limiter.tryAcquire(start + SECOND + SECOND / 2));
    }

    @Test
    void worksAcrossTheSignOfNanoTime() {
        KeyframeRequestLimiter limiter = new KeyframeRequestLimiter(SECOND);
        assertTrue(limiter.tryAcquire(-SECOND / 2));
        assertFalse(limiter.tryAcquire(SECOND / 4));
        assertTrue(limiter.tryAcquire(SECOND / 2));
    }
}
