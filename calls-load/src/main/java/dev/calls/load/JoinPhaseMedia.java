package dev.calls.load;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * What the media already flowing did while the others joined: from the first join request to the start of
 * the window (the ramp-up, then the wait for every renegotiation to settle), the loss and forwarding
 * latency of what the server forwarded to participants connected by then. A crowd joining costs the server
 * handshakes, signaling and garbage; the window, which starts when the joins are over, cannot show what that
 * did to the call in progress, and that is the join storm's question. {@code latencyP99MicrosBySlice}: the
 * p99 of each slice of {@link LoadRunner#SLICE_MILLIS} from the first join (the last may be shorter). A value
 * that could not be measured is -1, as in {@link LoadReport}.
 */
record JoinPhaseMedia(double seconds, long forwarded, double lossPercent, long latencySamples,
        double latencyP50Micros, double latencyP99Micros, double latencyMaxMicros,
        List<Double> latencyP99MicrosBySlice) {

    static JoinPhaseMedia between(WindowCounters joinsBegin, WindowCounters windowStart, Histogram latency,
            List<Double> sliceP99s) {
        long forwarded = windowStart.forwarded() - joinsBegin.forwarded();
        long received = windowStart.received() - joinsBegin.received();
        return new JoinPhaseMedia((windowStart.nanos() - joinsBegin.nanos()) / 1e9, forwarded,
                WindowCounters.lossPercent(forwarded, received), latency.getTotalCount(),
                LoadRunner.micros(latency, 50), LoadRunner.micros(latency, 99),
                latency.getTotalCount() == 0 ? -1 : latency.getMaxValue() / 1e3, List.copyOf(sliceP99s));
    }
}
