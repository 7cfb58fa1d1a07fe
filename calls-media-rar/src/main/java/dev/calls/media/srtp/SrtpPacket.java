package dev.calls.media.srtp;

/**
 * The few RTP/RTCP header facts SRTP needs, read in place: where the header SRTP leaves in the clear
 * ends, the SSRC, the sequence number. Bounds are checked here so that nothing reads past
 * {@code off + len}.
 */
final class SrtpPacket {

    static final int RTP_FIXED_HEADER = 12;
    /** Header, packet type, length and sender SSRC stay in the clear in SRTCP (RFC 3711 §3.4). */
    static final int RTCP_HEADER = 8;
    /** The SRTCP trailer word: E-bit, set when the packet is encrypted, and 31-bit index (RFC 3711 §3.4). */
    static final int SRTCP_INDEX_LENGTH = 4;
    static final int SRTCP_E_BIT = 0x8000_0000;

    /**
     * Largest packet handled: a UDP datagram cannot be longer. It also keeps AES-CM's 16-bit block
     * counter (RFC 3711 §4.1.1) from running into the packet index.
     */
    static final int MAX_LENGTH = 0xFFFF;

    private static final int VERSION_2 = 2;

    private SrtpPacket() {
    }

    /**
     * Length of the RTP header: fixed part, CSRCs and the header extension (RFC 3550 §5.1, §5.3.1),
     * all of which SRTP authenticates but does not encrypt; -1 if the header is not a version 2
     * header that fits in {@code len}, or {@code len} exceeds {@link #MAX_LENGTH}.
     */
    static int rtpHeaderLength(byte[] buf, int off, int len) {
        if (len < RTP_FIXED_HEADER || len > MAX_LENGTH || (buf[off] & 0xFF) >>> 6 != VERSION_2) {
            return -1;
        }
        int length = RTP_FIXED_HEADER + 4 * (buf[off] & 0x0F);
        if ((buf[off] & 0x10) != 0) {
            if (length + 4 > len) {
                return -1;
            }
            length += 4 + 4 * readUnsignedShort(buf, off + length + 2);
        }
        return length <= len ? length : -1;
    }

    /**
     * Whether the packet is long enough for an RTCP header, no longer than {@link #MAX_LENGTH}, and
     * says version 2 (RFC 3550 §6.4.1).
     */
    static boolean isRtcpHeader(byte[] buf, int off, int len) {
        return len >= RTCP_HEADER && len <= MAX_LENGTH && (buf[off] & 0xFF) >>> 6 == VERSION_2;
    }

    static int rtpSequenceNumber(byte[] buf, int off) {
        return readUnsignedShort(buf, off + 2);
    }

    static int rtpSsrc(byte[] buf, int off) {
        return readInt(buf, off + 8);
    }

    static int rtcpSenderSsrc(byte[] buf, int off) {
        return readInt(buf, off + 4);
    }

    static int readUnsignedShort(byte[] buf, int off) {
        return (buf[off] & 0xFF) << 8 | buf[off + 1] & 0xFF;
    }

    static int readInt(byte[] buf, int off) {
        return buf[off] << 24 | (buf[off + 1] & 0xFF) << 16 | (buf[off + 2] & 0xFF) << 8 | buf[off + 3] & 0xFF;
    }

    static void writeInt(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 24);
        buf[off + 1] = (byte) (value >>> 16);
        buf[off + 2] = (byte) (value >>> 8);
        buf[off + 3] = (byte) value;
    }
}
