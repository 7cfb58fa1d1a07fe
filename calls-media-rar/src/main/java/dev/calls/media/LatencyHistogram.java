package dev.calls.media;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.calls.media.api.EngineStats;

/**
 * A log-linear histogram of durations in nanoseconds: 32 buckets for every power of two, so a bucket is
 * at most 1/32 (about 3 %) of its values wide. Recording costs two uncontended atomic adds and never
 * allocates, so a packet thread may record every packet; readers merge several histograms (one per
 * thread) into one {@link EngineStats.Latency}.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 5;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    /** Durations are clamped to 2^40 ns (about 18 minutes); nothing measured here lasts that long. */
    private static final int MAX_EXPONENT = 40;
    static final int BUCKETS = (MAX_EXPONENT - SUB_BITS + 2) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong totalNanos = new AtomicLong();

    /** Records one duration; negative ones (a clock read out of order) count as zero. */
    public void record(long nanos) {
        long value = Math.min(Math.max(nanos, 0), (1L << (MAX_EXPONENT + 1)) - 1);
        counts.incrementAndGet(bucketOf(value));
        totalNanos.addAndGet(value);
    }

    static int bucketOf(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) (value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return (exponent - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    /** The smallest value that falls in the bucket. */
    static long lowerBound(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int exponent = bucket / SUB_BUCKETS + SUB_BITS - 1;
        long sub = bucket % SUB_BUCKETS;
        return (SUB_BUCKETS + sub) << (exponent - SUB_BITS);
    }

    /** The value reported for a bucket: its middle. */
    static long representative(int bucket) {
        long low = lowerBound(bucket);
        long high = bucket + 1 < BUCKETS ? lowerBound(bucket + 1) : low + 1;
        return low + (high - low - 1) / 2;
    }

    /** The distribution of everything recorded in the given histograms together. */
    public static EngineStats.Latency merge(Iterable<LatencyHistogram> histograms) {
        long[] merged = new long[BUCKETS];
        long total = 0;
        for (LatencyHistogram histogram : histograms) {
            total += histogram.totalNanos.get();
            for (int i = 0; i < BUCKETS; i++) {
                merged[i] += histogram.counts.get(i);
            }
        }
        long count = 0;
        int highest = -1;
        for (int i = 0; i < BUCKETS; i++) {
            count += merged[i];
            if (merged[i] > 0) {
                highest = i;
            }
        }
        if (count == 0) {
            return EngineStats.Latency.NONE;
        }
        return new EngineStats.Latency(count, total, quantile(merged, count, 0.5), quantile(merged, count, 0.99),
                representative(highest));
    }

    private static long quantile(long[] counts, long count, double q) {
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && counts[i] > 0) {
                return representative(i);
            }
        }
        return 0;
    }
}
