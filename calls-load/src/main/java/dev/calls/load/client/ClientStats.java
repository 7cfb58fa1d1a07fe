package dev.calls.load.client;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

/**
 * Counters every simulated participant adds to, shared across threads: packets sent, authenticated,
 * refused, and forwarding latency (send-time probe to receive time, in nanoseconds) in a
 * {@link NanosRecorder}, whose interval histograms give the latency of a measurement window.
 */
public final class ClientStats {

    final LongAdder rtpSent = new LongAdder();
    final LongAdder rtcpReceived = new LongAdder();
    final LongAdder decrypted = new LongAdder();
    final LongAdder authFailures = new LongAdder();
    final LongAdder corrupted = new LongAdder();
    private final NanosRecorder latency = new NanosRecorder();

    void recordLatency(long nanos) {
        latency.record(nanos);
    }

    /** The latencies recorded since the previous call (the first call: since the start). */
    public Histogram latencySinceLastCall() {
        return latency.sinceLastCall();
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
