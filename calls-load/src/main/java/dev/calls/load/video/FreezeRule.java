package dev.calls.load.video;

import java.util.concurrent.TimeUnit;

/**
 * The WebRTC statistics' definition of a freeze (W3C webrtc-stats, RTCInboundRtpStreamStats.freezeCount):
 * the time between two frames shown is a freeze when it is at least max(3 × average, average + 150 ms),
 * the average being that of the last 30 frame durations. Before the first duration there is no average
 * and nothing is a freeze.
 */
final class FreezeRule {

    static final int AVERAGED_FRAMES = 30;
    static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    private final long[] recent = new long[AVERAGED_FRAMES];
    private int count;
    private long sum;

    boolean isFreeze(long durationNanos) {
        if (count == 0) {
            return false;
        }
        long average = sum / Math.min(count, AVERAGED_FRAMES);
        return durationNanos >= Math.max(3 * average, average + MARGIN_NANOS);
    }

    /** A frame was shown {@code durationNanos} after the one before it. */
    void add(long durationNanos) {
        int slot = count % AVERAGED_FRAMES;
        if (count >= AVERAGED_FRAMES) {
            sum -= recent[slot];
        }
        recent[slot] = durationNanos;
        sum += durationNanos;
        count++;
    }
}
