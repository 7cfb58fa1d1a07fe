package dev.calls.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySlicesTest {

    private static final long SLICE_NANOS = LoadRunner.SLICE_MILLIS * 1_000_000;

    /** What the clients' recorder hands over at each read, in order. */
    private final Deque<Histogram> reads = new ArrayDeque<>();

    @Test
    void eachSliceKeepsItsOwnP99AndTheWholeHasEveryPacket() {
        reads.add(histogram(1_000, 100));
        reads.add(histogram(50_000, 10));
        reads.add(histogram(2_000, 1));
        LatencySlices slices = new LatencySlices(reads::poll, 0);

        assertEquals(1.0, slices.slice(SLICE_NANOS), 0.01);
        assertEquals(50.0, slices.slice(2 * SLICE_NANOS), 0.1);
        Histogram whole = slices.finish();

        assertEquals(List.of(1.0, 50.0), slices.p99s().stream().map(p -> Math.round(p * 10) / 10.0).toList());
        assertEquals(111, whole.getTotalCount(), "what came after the last slice is in the whole, not a slice");
        assertEquals(50_000, whole.getMaxValue(), 50);
    }

    @Test
    void aSliceIsTakenOnlyOnceItHasLastedItsLength() {
        reads.add(histogram(3_000, 5));
        reads.add(histogram(4_000, 5));
        LatencySlices slices = new LatencySlices(reads::poll, 1_000);

        slices.sliceIfDue(1_000 + SLICE_NANOS - 1);
        assertEquals(List.of(), slices.p99s());
        slices.sliceIfDue(1_000 + SLICE_NANOS);
        slices.sliceIfDue(1_000 + SLICE_NANOS + SLICE_NANOS / 2);

        assertEquals(1, slices.p99s().size());
        assertEquals(3.0, slices.p99s().get(0), 0.01);
        assertEquals(1, reads.size(), "the recorder is read once per slice");
    }

    @Test
    void aSliceWithoutPacketsIsNotMeasured() {
        reads.add(new Histogram(LoadRunner.LATENCY_DIGITS));
        LatencySlices slices = new LatencySlices(reads::poll, 0);

        assertEquals(-1, slices.slice(SLICE_NANOS));
    }

    /** {@code count} packets, each {@code nanos} late. */
    private static Histogram histogram(long nanos, int count) {
        Histogram histogram = new Histogram(LoadRunner.LATENCY_DIGITS);
        histogram.recordValueWithCount(nanos, count);
        return histogram;
    }
}
