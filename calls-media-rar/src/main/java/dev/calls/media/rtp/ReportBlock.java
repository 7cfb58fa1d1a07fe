package dev.calls.media.rtp;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1), read in place. Obtained from
 * {@link SenderReport#reportBlock} or {@link ReceiverReport#reportBlock}, which re-point the same instance on
 * every call.
 */
public final class ReportBlock {

    /** Size of a report block. */
    public static final int LENGTH = 24;

    private static final int MAX_CUMULATIVE_LOST = 0x7F_FFFF;
    private static final int MIN_CUMULATIVE_LOST = -0x80_0000;

    private byte[] buf;
    private int off;

    ReportBlock() {
    }

    void point(byte[] buf, int off) {
        this.buf = buf;
        this.off = off;
    }

    /** SSRC of the source this block reports on. */
    public int ssrc() {
        return Bytes.i32(buf, off);
    }

    /** Fraction of packets lost since the previous report, in 1/256 (0–255). */
    public int fractionLost() {
        return buf[off + 4] & 0xFF;
    }

    /** Cumulative number of packets lost, a signed 24-bit value (negative with duplicates). */
    public int cumulativeLost() {
        return Bytes.u24(buf, off + 5) << 8 >> 8;
    }

    /** Extended highest sequence number received: cycles in the upper 16 bits. */
    public int extendedHighestSequence() {
        return Bytes.i32(buf, off + 8);
    }

    /** Interarrival jitter in timestamp units. */
    public int jitter() {
        return Bytes.i32(buf, off + 12);
    }

    /** LSR: the middle 32 bits of the NTP timestamp of the last SR received from the source, or 0. */
    public int lastSenderReport() {
        return Bytes.i32(buf, off + 16);
    }

    /** DLSR: delay since that SR was received, in units of 1/65536 s, or 0. */
    public int delaySinceLastSenderReport() {
        return Bytes.i32(buf, off + 20);
    }

    /**
     * Writes a report block; {@code cumulativeLost} is clamped to the signed 24-bit range and
     * {@code fractionLost} must be 0–255.
     *
     * @return {@link #LENGTH}
     * @throws IllegalArgumentException if the block does not fit in {@code buf} at {@code off}
     */
    public static int write(byte[] buf, int off, int ssrc, int fractionLost, int cumulativeLost,
            int extendedHighestSequence, int jitter, int lastSenderReport, int delaySinceLastSenderReport) {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost out of range: " + fractionLost);
        }
        Bytes.requireRoom(buf, off, LENGTH);
        Bytes.put32(buf, off, ssrc);
        buf[off + 4] = (byte) fractionLost;
        Bytes.put24(buf, off + 5, Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, cumulativeLost)));
        Bytes.put32(buf, off + 8, extendedHighestSequence);
        Bytes.put32(buf, off + 12, jitter);
        Bytes.put32(buf, off + 16, lastSenderReport);
        Bytes.put32(buf, off + 20, delaySinceLastSenderReport);
        return LENGTH;
    }
}
