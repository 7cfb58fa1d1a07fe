package dev.calls.media.sfu;

import java.util.concurrent.TimeUnit;

/**
 * When a session's client was last heard: the moment it was opened, then each authenticated SRTP or SRTCP
 * packet, to {@value #RESOLUTION_MILLIS} ms. The server writes the time a running call was last heard from
 * this, so that a call a crash cut off ends in its record where its media stopped. The receive thread of
 * the session writes; any thread reads. A volatile read costs a packet nothing, and storing only once the
 * clock moved on by the resolution keeps the volatile write (a fence) to a few per second whatever the
 * packet rate.
 */
final class LastPacket {

    static final long RESOLUTION_MILLIS = 100;

    private static final long RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(RESOLUTION_MILLIS);

    private volatile long atNanos;

    LastPacket(long openedNanos) {
        this.atNanos = openedNanos;
    }

    /** A packet of the session arrived and authenticated at {@code nowNanos}. */
    void arrived(long nowNanos) {
        if (nowNanos - atNanos >= RESOLUTION_NANOS) {
            atNanos = nowNanos;
        }
    }

    /** When the session was last heard, in {@link System#nanoTime()} terms. */
    long atNanos() {
        return atNanos;
    }
}
