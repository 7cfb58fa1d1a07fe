package dev.calls.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBurstPassesThenTheNextIsRefused() {
        TokenBucket bucket = new TokenBucket(10, 100, 0);
        int passed = 0;
        for (int i = 0; i < 150; i++) {
            passed += bucket.tryTake(0) ? 1 : 0;
        }
        assertEquals(100, passed);
        assertFalse(bucket.tryTake(0));
    }

    @Test
    void refillsTenASecondUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 100, 0);
        for (int i = 0; i < 100; i++) {
            bucket.tryTake(0);
        }
        int passed = 0;
        for (int i = 0; i < 20; i++) {
            passed += bucket.tryTake(SECOND) ? 1 : 0;
        }
        assertEquals(10, passed);
        int afterLongPause = 0;
        for (int i = 0; i < 200; i++) {
            afterLongPause += bucket.tryTake(1000 * SECOND) ? 1 : 0;
        }
        assertEquals(100, afterLongPause);
    }

    @Test
    void aSteadyTenASecondIsNeverRefused() {
        TokenBucket bucket = new TokenBucket(10, 100, 0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(bucket.tryTake(i * SECOND / 10));
        }
    }
}
