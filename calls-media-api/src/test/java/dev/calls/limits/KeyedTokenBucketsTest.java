package dev.calls.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyedTokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachKeyHasItsOwnBurst() {
        KeyedTokenBuckets buckets = new KeyedTokenBuckets(1, 3, 10);
        for (int i = 0; i < 3; i++) {
            assertTrue(buckets.tryTake("flooder", 0));
        }
        assertFalse(buckets.tryTake("flooder", 0));
        assertTrue(buckets.tryTake("neighbour", 0), "another key is not disturbed");
        assertTrue(buckets.tryTake("flooder", SECOND), "the rate refills");
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlyUsedKey() {
        KeyedTokenBuckets buckets = new KeyedTokenBuckets(1, 1, 100);
        assertTrue(buckets.tryTake("active", 0));
        for (int i = 0; i < 10_000; i++) {
            buckets.tryTake("key" + i, 0);
            assertFalse(buckets.tryTake("active", 0), "a key in use stays tracked");
        }
        assertEquals(100, buckets.size());
    }

    @Test
    void saysHowLongUntilTheNextToken() {
        KeyedTokenBuckets buckets = new KeyedTokenBuckets(0.1, 1, 10);
        assertEquals(0, buckets.nanosUntilToken("flooder", 0));
        assertTrue(buckets.tryTake("flooder", 0));
        assertEquals(10 * SECOND, buckets.nanosUntilToken("flooder", 0));
        assertFalse(buckets.tryTake("flooder", 10 * SECOND - 1));
        assertTrue(buckets.tryTake("flooder", 10 * SECOND));
    }
}
