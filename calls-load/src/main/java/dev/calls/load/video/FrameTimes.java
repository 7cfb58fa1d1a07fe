package dev.calls.load.video;

import java.util.Arrays;

/**
 * When a viewer's decoder would have shown each frame of one video stream ({@link System#nanoTime()}), up to
 * {@link #CAPACITY} frames (over an hour at 15 frames a second); later ones are counted as dropped. Written
 * by the viewer's network thread, read by the runner.
 */
public final class FrameTimes {

    static final int CAPACITY = 1 << 16;

    private final long[] times = new long[CAPACITY];
    private int count;
    private long dropped;

    public synchronized void record(long nanos) {
        if (count < CAPACITY) {
            times[count++] = nanos;
        } else {
            dropped++;
        }
    }

    /** The times recorded so far, in order. */
    public synchronized long[] snapshot() {
        return Arrays.copyOf(times, count);
    }

    public synchronized long dropped() {
        return dropped;
    }
}
