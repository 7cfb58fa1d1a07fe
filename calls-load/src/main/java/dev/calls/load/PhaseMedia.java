package dev.calls.load;

import java.util.List;

import org.HdrHistogram.Histogram;

import dev.calls.load.metrics.Percentiles;

/**
 * What the media of the call in progress did during one phase of a run: the loss and forwarding latency of
 * what the server forwarded to participants connected by then, between two instants. Two phases have their
 * own: from the first join to the start of the window (the ramp-up, then the wait for every renegotiation to
 * settle) — a crowd joining costs the server handshakes, signaling and garbage, and the window, which starts
 * when the joins are over, cannot show what that did to the call in progress; and the abuse scenario's
 * window of attacks, compared with the quiet window before it. {@code latencyP99MicrosBySlice}: the p99 of
 * each slice of {@link LoadRunner#SLICE_MILLIS} of the phase (the last may be shorter). A value that could
 * not be measured is -1, as in {@link LoadReport}.
 */
public record PhaseMedia(double seconds, long forwarded, double lossPercent, long latencySamples,
        double latencyP50Micros, double latencyP99Micros, double latencyMaxMicros,
        List<Double> latencyP99MicrosBySlice) {

    static PhaseMedia between(WindowCounters begin, WindowCounters end, Histogram latency,
            List<Double> sliceP99s) {
        long forwarded = end.forwarded() - begin.forwarded();
        long received = end.received() - begin.received();
        return new PhaseMedia((end.nanos() - begin.nanos()) / 1e9, forwarded,
                WindowCounters.lossPercent(forwarded, received), latency.getTotalCount(),
                Percentiles.micros(latency, 50), Percentiles.micros(latency, 99),
                latency.getTotalCount() == 0 ? -1 : latency.getMaxValue() / 1e3, List.copyOf(sliceP99s));
    }
}
