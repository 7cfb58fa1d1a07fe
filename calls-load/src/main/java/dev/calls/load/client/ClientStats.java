package dev.calls.load.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters every simulated participant adds to, shared across threads: packets sent, authenticated,
 * refused, and forwarding latency (send-time probe to receive time, in nanoseconds) in an HdrHistogram
 * {@link Recorder}, whose interval histograms give the latency of a measurement window.
 */
public final class ClientStats {

    /** Latencies above this are recorded as this: far beyond any goal, and the histogram stays small. */
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(10);

    final LongAdder rtpSent = new LongAdder();
    final LongAdder rtcpReceived = new LongAdder();
    final LongAdder decrypted = new LongAdder();
    final LongAdder authFailures = new LongAdder();
    final LongAdder corrupted = new LongAdder();
    private final Recorder latency = new Recorder(1, MAX_LATENCY_NANOS, 3);

    void recordLatency(long nanos) {
        latency.recordValue(Math.max(1, Math.min(nanos, MAX_LATENCY_NANOS)));
    }

    /** The latencies recorded since the previous call (the first call: since the start). */
    public Histogram latencySinceLastCall() {
        return latency.getIntervalHistogram();
    }

    public long rtpSent() {
        return rtpSent.sum();
    }

    public long rtcpReceived() {
        return rtcpReceived.sum();
    }

    /** Forwarded packets decrypted and authenticated by their receiver. */
    public long decrypted() {
        return decrypted.sum();
    }

    /** Forwarded packets whose SRTP authentication failed. */
    public long authFailures() {
        return authFailures.sum();
    }

    /** Authenticated packets whose payload probe was not one a participant sent. */
    public long corrupted() {
        return corrupted.sum();
    }
}
