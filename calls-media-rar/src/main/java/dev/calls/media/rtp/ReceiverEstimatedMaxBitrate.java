package dev.calls.media.rtp;

import java.util.Objects;

/**
 * Receiver estimated maximum bitrate, REMB (draft-alvestrand-rmcat-remb-03 §2.2): application layer feedback
 * (PSFB FMT 15) whose FCI is the ASCII identifier "REMB", the number of SSRCs, the bitrate in bits per second
 * as a 6-bit exponent and an 18-bit mantissa (mantissa × 2^exp), and the SSRCs the estimate applies to. The
 * media source SSRC of the common part is 0.
 */
public final class ReceiverEstimatedMaxBitrate extends FeedbackPacket {

    private static final int IDENTIFIER = 'R' << 24 | 'E' << 16 | 'M' << 8 | 'B';
    private static final int FIXED_FCI_LENGTH = 8;
    private static final int MANTISSA_BITS = 18;
    private static final int MAX_SSRCS = 255;

    @Override
    boolean acceptFci(byte[] buf, int fci, int length, int packetType, int fmt) {
        return packetType == RtcpPacketType.PAYLOAD_FEEDBACK && fmt == FMT_APPLICATION_LAYER
                && length >= FIXED_FCI_LENGTH && Bytes.i32(buf, fci) == IDENTIFIER
                && 4 * (buf[fci + 4] & 0xFF) <= length - FIXED_FCI_LENGTH;
    }

    /** The 6-bit exponent. */
    public int exponent() {
        return (array()[fciOffset() + 5] & 0xFF) >>> 2;
    }

    /** The 18-bit mantissa. */
    public int mantissa() {
        return Bytes.u24(array(), fciOffset() + 5) & 0x3_FFFF;
    }

    /** The bitrate in bits per second, mantissa × 2^exponent, saturated at {@link Long#MAX_VALUE}. */
    public long bitrate() {
        long mantissa = mantissa();
        int exponent = exponent();
        if (mantissa != 0 && exponent >= Long.numberOfLeadingZeros(mantissa)) {
            return Long.MAX_VALUE;
        }
        return mantissa << exponent;
    }

    public int ssrcCount() {
        return array()[fciOffset() + 4] & 0xFF;
    }

    public int ssrc(int index) {
        Objects.checkIndex(index, ssrcCount());
        return Bytes.i32(array(), fciOffset() + FIXED_FCI_LENGTH + 4 * index);
    }

    /** Rewrites the SSRC at {@code index} in place. */
    public void setSsrc(int index, int ssrc) {
        Objects.checkIndex(index, ssrcCount());
        Bytes.put32(array(), fciOffset() + FIXED_FCI_LENGTH + 4 * index, ssrc);
    }

    /**
     * Writes a REMB for {@code ssrcs[0, count)}. The bitrate is encoded with the smallest exponent whose
     * mantissa fits in 18 bits, rounding down.
     *
     * @return the packet's length, {@code 20 + 4 * count}
     * @throws IllegalArgumentException if {@code bitrate} is negative, {@code count} is not 0 to 255 within
     *                                  {@code ssrcs}, or the message does not fit in {@code buf}
     */
    public static int write(byte[] buf, int off, int senderSsrc, long bitrate, int[] ssrcs, int count) {
        if (bitrate < 0) {
            throw new IllegalArgumentException("negative bitrate: " + bitrate);
        }
        if (count < 0 || count > MAX_SSRCS || count > ssrcs.length) {
            throw new IllegalArgumentException("SSRC count out of range: " + count);
        }
        int length = MIN_LENGTH + FIXED_FCI_LENGTH + 4 * count;
        Bytes.requireRoom(buf, off, length);
        writeFeedbackHeader(buf, off, FMT_APPLICATION_LAYER, RtcpPacketType.PAYLOAD_FEEDBACK, length, senderSsrc,
                0);
        int exponent = Math.max(0, 64 - Long.numberOfLeadingZeros(bitrate) - MANTISSA_BITS);
        long mantissa = bitrate >>> exponent;
        int fci = off + MIN_LENGTH;
        Bytes.put32(buf, fci, IDENTIFIER);
        buf[fci + 4] = (byte) count;
        Bytes.put24(buf, fci + 5, exponent << MANTISSA_BITS | (int) mantissa);
        for (int i = 0; i < count; i++) {
            Bytes.put32(buf, fci + FIXED_FCI_LENGTH + 4 * i, ssrcs[i]);
        }
        return length;
    }
}
