package dev.calls.media.sfu;

/**
 * Lets at most one keyframe request (PLI or FIR, RFC 4585 §6.3.1 / RFC 5104 §4.3.1) per interval through
 * to a publisher's video source: every new subscriber and every decoder error asks for one, and a
 * publisher flooded with them spends its bandwidth on keyframes. Time is passed in (nanoTime) for tests.
 */
public final class KeyframeRequestLimiter {

    private final long intervalNanos;
    private long lastNanos;
    private boolean any;

    public KeyframeRequestLimiter(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** Returns true when a request may go to the publisher now, and counts it as sent. */
    public synchronized boolean tryAcquire(long nowNanos) {
        if (any && nowNanos - lastNanos < intervalNanos) {
            return false;
        }
        any = true;
        lastNanos = nowNanos;
        return true;
    }
}
