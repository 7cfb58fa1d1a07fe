package dev.calls.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import dev.calls.media.api.EngineStats;

class PhaseMediaTest {

    @Test
    void lossAndLatencyAreThoseBetweenItsTwoInstants() {
        WindowCounters joinsBegin = counters(1_000_000_000L, 0, 0);
        WindowCounters windowStart = counters(4_000_000_000L, 2000, 1990);
        Histogram latency = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            latency.recordValue(i * 1000L);
        }

        PhaseMedia media = PhaseMedia.between(joinsBegin, windowStart, latency, List.of(99.0, 12.0));

        assertEquals(3.0, media.seconds(), 1e-9);
        assertEquals(2000, media.forwarded());
        assertEquals(0.5, media.lossPercent(), 1e-9);
        assertEquals(100, media.latencySamples());
        assertEquals(50, media.latencyP50Micros(), 0.1);
        assertEquals(99, media.latencyP99Micros(), 0.1);
        assertEquals(100, media.latencyMaxMicros(), 0.1);
        assertEquals(List.of(99.0, 12.0), media.latencyP99MicrosBySlice());
    }

    @Test
    void nothingForwardedIsNotMeasuredRatherThanLossless() {
        PhaseMedia media = PhaseMedia.between(counters(0, 0, 0), counters(1_000_000_000L, 0, 0),
                new Histogram(3), List.of());

        assertEquals(-1, media.lossPercent());
        assertEquals(0, media.latencySamples());
        assertEquals(-1, media.latencyP99Micros());
        assertEquals(-1, media.latencyMaxMicros());
    }

    private static WindowCounters counters(long nanos, long forwarded, long received) {
        return new WindowCounters(nanos, 0, forwarded, received, 0, 0, 0, -1, -1, EngineStats.Latency.NONE, -1, -1,
                0, new long[0]);
    }
}
