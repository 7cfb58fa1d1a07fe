package dev.calls.load.video;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A viewer's jitter buffer and decoder for one VP8 stream, reduced to what decides whether a picture moves:
 * a frame is complete when every packet from its first (the descriptor's start bit) to its last (the RTP
 * marker bit, RFC 7741 §4.1) has arrived, all with the frame's timestamp; it is shown when it is complete and
 * the frame before it was shown, since each VP8 interframe refers to the one before; a complete keyframe is
 * shown whatever came before it and restarts the chain. Frames are shown in order as soon as they can be;
 * their times go to {@link FrameTimes}. A viewer that has shown nothing for {@link #KEYFRAME_WAIT_NANOS}
 * while packets keep coming asks for a keyframe ({@link #keyframeDue}), as a browser's receiver does when
 * its decoder is stuck, and again each time as long passes; the server passes the request on to the sender.
 *
 * <p>Packets are kept in a ring of {@link #WINDOW} sequence numbers, allocated up front. Fed by one thread
 * (the viewer's network thread).
 */
public final class FrameAssembler {

    /** Packets remembered: a keyframe of the simulated screen is about fifty; repairs come within a second. */
    static final int WINDOW = 4096;
    private static final int MASK = WINDOW - 1;
    private static final long EMPTY = Long.MIN_VALUE;
    private static final byte MARKER = 1;
    private static final byte START = 2;
    private static final byte KEYFRAME = 4;
    /**
     * Nothing shown for this long asks for a keyframe: past a repair's usual round trip (the impaired uplink's
     * 100 ± 30 ms and one retry), short of libwebrtc's 3 s wait for any frame.
     */
    static final long KEYFRAME_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final long[] sequences = new long[WINDOW];
    private final int[] timestamps = new int[WINDOW];
    private final byte[] flags = new byte[WINDOW];
    private final FrameTimes shown;
    /** The sequence number the next frame of the chain starts at; -1 until a keyframe is shown. */
    private long next = -1;
    private boolean started;
    /** When the last frame was shown, or the first packet came. */
    private long waitingSince;
    private long askedAt;

    public FrameAssembler(FrameTimes shown) {
        this.shown = shown;
        Arrays.fill(sequences, EMPTY);
    }

    /**
     * One packet of the stream arrived (new, late or repeated).
     *
     * @param sequence   its extended sequence number
     * @param frameStart whether it is the first packet of its frame
     * @param keyframe   whether it is the first packet of a keyframe
     */
    public void onPacket(long sequence, int timestamp, boolean marker, boolean frameStart, boolean keyframe,
            long nowNanos) {
        if (!started) {
            started = true;
            waitingSince = nowNanos;
            askedAt = nowNanos - KEYFRAME_WAIT_NANOS;
        }
        int slot = (int) (sequence & MASK);
        sequences[slot] = sequence;
        timestamps[slot] = timestamp;
        flags[slot] = (byte) ((marker ? MARKER : 0) | (frameStart ? START : 0) | (keyframe ? KEYFRAME : 0));
        long start = startOf(sequence);
        if (start >= 0 && start > next && has(start, KEYFRAME)) {
            long end = endOf(start);
            if (end >= 0) {
                show(end, nowNanos);
            }
        }
        while (next >= 0) {
            long end = endOf(next);
            if (end < 0) {
                return;
            }
            show(end, nowNanos);
        }
    }

    /**
     * Whether to ask the sender for a keyframe now (a PLI, RFC 4585 §6.3.1): nothing has been shown for
     * {@link #KEYFRAME_WAIT_NANOS}, nor asked for as long. A true answer counts as asked.
     */
    public boolean keyframeDue(long nowNanos) {
        if (!started || nowNanos - waitingSince < KEYFRAME_WAIT_NANOS || nowNanos - askedAt < KEYFRAME_WAIT_NANOS) {
            return false;
        }
        askedAt = nowNanos;
        return true;
    }

    private void show(long end, long nowNanos) {
        next = end + 1;
        waitingSince = nowNanos;
        shown.record(nowNanos);
    }

    /** The first packet of the frame {@code sequence} belongs to, when every packet before it in the frame is here; else -1. */
    private long startOf(long sequence) {
        int timestamp = timestamps[(int) (sequence & MASK)];
        for (long s = sequence; s > sequence - WINDOW && present(s, timestamp); s--) {
            if (has(s, START)) {
                return s;
            }
        }
        return -1;
    }

    /** The last packet of the frame starting at {@code start}, when the whole frame is here; else -1. */
    private long endOf(long start) {
        if (!present(start, timestamps[(int) (start & MASK)]) || !has(start, START)) {
            return -1;
        }
        int timestamp = timestamps[(int) (start & MASK)];
        for (long s = start; s < start + WINDOW && present(s, timestamp); s++) {
            if (has(s, MARKER)) {
                return s;
            }
        }
        return -1;
    }

    private boolean present(long sequence, int timestamp) {
        int slot = (int) (sequence & MASK);
        return sequences[slot] == sequence && timestamps[slot] == timestamp;
    }

    private boolean has(long sequence, byte flag) {
        return (flags[(int) (sequence & MASK)] & flag) != 0;
    }
}
