package dev.calls.media.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0 (RFC 3550 §5.1). Two numbers are
 * compared by the shorter way round the circle, so 2 is newer than 65534.
 */
public final class SequenceNumbers {

    private SequenceNumbers() {
    }

    /**
     * The signed distance from {@code b} to {@code a} the shorter way round, in [-32768, 32767]: positive when
     * {@code a} is newer. Only the low 16 bits of each argument are used.
     */
    public static int diff(int a, int b) {
        return (short) (a - b);
    }

    /** Whether {@code a} comes after {@code b}. */
    public static boolean isNewer(int a, int b) {
        return diff(a, b) > 0;
    }

    /**
     * A comparator's answer for two sequence numbers: negative, zero or positive as {@code a} is older, equal
     * or newer than {@code b}. Consistent only among numbers less than half the circle apart.
     */
    public static int compare(int a, int b) {
        return Integer.signum(diff(a, b));
    }
}
