package dev.calls.media.rtp;

/**
 * A smoothed round-trip time, SRTT = 7/8 SRTT + 1/8 R over the samples (the estimator of RFC 6298 §2),
 * and a fallback until the first sample. Not thread-safe.
 */
public final class RoundTripTime {

    private final long fallbackNanos;
    private long smoothedNanos;

    public RoundTripTime(long fallbackNanos) {
        this.fallbackNanos = fallbackNanos;
    }

    /** Adds a sample; a negative or zero one (no sample) is ignored. */
    public void sample(long nanos) {
        if (nanos <= 0) {
            return;
        }
        smoothedNanos = smoothedNanos == 0 ? nanos : smoothedNanos + (nanos - smoothedNanos) / 8;
    }

    /** The smoothed round trip, or the fallback before any sample. */
    public long nanos() {
        return smoothedNanos == 0 ? fallbackNanos : smoothedNanos;
    }
}
