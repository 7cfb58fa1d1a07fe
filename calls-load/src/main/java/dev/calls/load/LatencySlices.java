package dev.calls.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

import dev.calls.load.metrics.Percentiles;

/**
 * The forwarding latency of one phase of a run (the joins, the window), read from the clients' recorder in
 * slices of {@link LoadRunner#SLICE_MILLIS}: the whole phase's histogram and each slice's p99, so that a miss
 * shows whether it came from a few seconds (a collection, the JIT, a burst of joins) or from all of them.
 * The recorder hands over what it recorded since it was last read, so one phase must be finished before the
 * next one reads it.
 */
final class LatencySlices {

    private final Supplier<Histogram> recorder;
    private final Histogram total = new Histogram(LoadRunner.LATENCY_DIGITS);
    private final List<Double> p99s = new ArrayList<>();
    private long sliceStart;

    LatencySlices(Supplier<Histogram> recorder, long startNanos) {
        this.recorder = recorder;
        this.sliceStart = startNanos;
    }

    /** Ends the current slice and returns its p99 in microseconds (-1 when it timed no packet). */
    double slice(long nowNanos) {
        Histogram slice = recorder.get();
        total.add(slice);
        double p99 = Percentiles.micros(slice, 99);
        p99s.add(p99);
        sliceStart = nowNanos;
        return p99;
    }

    /** Ends the current slice if it has lasted {@link LoadRunner#SLICE_MILLIS}. */
    void sliceIfDue(long nowNanos) {
        if (nowNanos - sliceStart >= LoadRunner.SLICE_MILLIS * 1_000_000) {
            slice(nowNanos);
        }
    }

    /** The whole phase: every slice and what was recorded after the last one. */
    Histogram finish() {
        total.add(recorder.get());
        return total;
    }

    List<Double> p99s() {
        return List.copyOf(p99s);
    }
}
