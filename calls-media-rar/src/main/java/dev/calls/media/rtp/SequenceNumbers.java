package dev.calls.media.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0 (RFC 3550 §5.1). Two numbers are
 * compared by the shorter way round the circle, so 2 is newer than 65534.
 */
public final class SequenceNumbers {

    /**
     * A jump of this many or more packets is a restarted stream rather than loss or reordering (RFC 3550
     * A.1's MAX_DROPOUT).
     */
    public static final int MAX_DROPOUT = 3000;

    private SequenceNumbers() {
    }

    /**
     * The signed distance from {@code b} to {@code a} the shorter way round, in [-32768, 32767]: positive when
     * {@code a} is newer. Only the low 16 bits of each argument are used.
     */
    public static int diff(int a, int b) {
        return (short) (a - b);
    }
}
