package dev.calls.load.metrics;

import org.HdrHistogram.Histogram;

/**
 * Percentiles as the load report gives them: the nearest rank of sorted values, or a histogram's of
 * nanoseconds in microseconds; -1 for none (not measured).
 */
public final class Percentiles {

    private Percentiles() {
    }

    public static double of(double[] sorted, double percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** The percentile of a histogram of nanoseconds, in microseconds. */
    public static double micros(Histogram nanos, double percentile) {
        return nanos.getTotalCount() == 0 ? -1 : nanos.getValueAtPercentile(percentile) / 1e3;
    }
}
