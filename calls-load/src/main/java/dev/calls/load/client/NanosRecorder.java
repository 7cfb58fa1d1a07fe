package dev.calls.load.client;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Durations in nanoseconds that many threads record and one reads by interval: an HdrHistogram
 * {@link Recorder} at 3 significant digits, with values clamped to 1 ns .. {@link #MAX_NANOS} so that none is
 * refused and the histogram stays small.
 */
final class NanosRecorder {

    /** Far beyond any latency goal: longer durations are recorded as this. */
    static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Recorder recorder = new Recorder(1, MAX_NANOS, 3);

    void record(long nanos) {
        recorder.recordValue(Math.max(1, Math.min(nanos, MAX_NANOS)));
    }

    /** What was recorded since the previous call (the first call: since the start). */
    Histogram sinceLastCall() {
        return recorder.getIntervalHistogram();
    }
}
