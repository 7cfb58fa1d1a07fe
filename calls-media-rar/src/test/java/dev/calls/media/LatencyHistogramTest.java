package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.EngineStats;

class LatencyHistogramTest {

    @Test
    void smallValuesHaveABucketEach() {
        for (int value = 0; value < 32; value++) {
            assertEquals(value, LatencyHistogram.bucketOf(value));
            assertEquals(value, LatencyHistogram.lowerBound(value));
        }
    }

    @Test
    void everyValueFallsInABucketWhoseBoundsHoldItAndWhoseWidthIsWithinThreePercent() {
        for (long value = 32; value < (1L << 41); value = value * 3 / 2 + 7) {
            int bucket = LatencyHistogram.bucketOf(value);
            long low = LatencyHistogram.lowerBound(bucket);
            long high = LatencyHistogram.lowerBound(bucket + 1);
            assertTrue(low <= value && value < high, value + " in [" + low + ", " + high + ")");
            assertTrue((high - low) * 32 <= low, "bucket of " + value + " too wide: " + low + ".." + high);
        }
    }

    @Test
    void bucketsAreContiguous() {
        for (int bucket = 1; bucket < LatencyHistogram.BUCKETS; bucket++) {
            assertEquals(bucket, LatencyHistogram.bucketOf(LatencyHistogram.lowerBound(bucket)));
            assertEquals(bucket - 1, LatencyHistogram.bucketOf(LatencyHistogram.lowerBound(bucket) - 1));
        }
    }

    @Test
    void mergedHistogramsGiveCountTotalAndQuantilesWithinABucket() {
        LatencyHistogram first = new LatencyHistogram();
        LatencyHistogram second = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            (i % 2 == 0 ? first : second).record(i * 1_000L);
        }

        EngineStats.Latency merged = LatencyHistogram.merge(List.of(first, second));

        assertEquals(1000, merged.count());
        assertEquals(500_500_000L, merged.totalNanos());
        assertWithin(500_000, merged.p50Nanos());
        assertWithin(990_000, merged.p99Nanos());
        assertWithin(1_000_000, merged.maxNanos());
    }

    @Test
    void negativeAndHugeDurationsAreClampedNotLost() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);
        histogram.record(Long.MAX_VALUE);

        EngineStats.Latency latency = LatencyHistogram.merge(List.of(histogram));

        assertEquals(2, latency.count());
        assertEquals(0, latency.p50Nanos());
        assertTrue(latency.maxNanos() >= 1L << 40, String.valueOf(latency.maxNanos()));
    }

    @Test
    void nothingRecordedIsNone() {
        assertEquals(EngineStats.Latency.NONE, LatencyHistogram.merge(List.of(new LatencyHistogram())));
    }

    private static void assertWithin(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected / 32, "expected about " + expected + ", got " + actual);
    }
}
