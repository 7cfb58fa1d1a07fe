package dev.calls.media.rtp;

/**
 * Sender report, RTCP packet type 200 (RFC 3550 §6.4.1): sender SSRC, sender info (NTP timestamp, RTP
 * timestamp, packet and octet counts) and report blocks. Any profile-specific extension after the blocks
 * is ignored.
 */
public final class SenderReport extends ReportPacket {

    /** Size of an SR without report blocks: header, SSRC, 20 bytes of sender info. */
    public static final int MIN_LENGTH = 28;

    public SenderReport() {
        super(RtcpPacketType.SENDER_REPORT, MIN_LENGTH);
    }

    /** The 64-bit NTP timestamp: seconds since 1900 in the upper half, fraction in the lower. */
    public long ntpTimestamp() {
        return (long) word(8) << 32 | word(12) & 0xFFFF_FFFFL;
    }

    public int rtpTimestamp() {
        return word(16);
    }

    public int packetCount() {
        return word(20);
    }

    public int octetCount() {
        return word(24);
    }

    /**
     * Writes an SR without report blocks.
     *
     * @return {@link #MIN_LENGTH}
     * @throws IllegalArgumentException if it does not fit in {@code buf} at {@code off}
     */
    public static int write(byte[] buf, int off, int senderSsrc, long ntpTimestamp, int rtpTimestamp,
            int packetCount, int octetCount) {
        Bytes.requireRoom(buf, off, MIN_LENGTH);
        writeHeader(buf, off, 0, RtcpPacketType.SENDER_REPORT, MIN_LENGTH);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put64(buf, off + 8, ntpTimestamp);
        Bytes.put32(buf, off + 16, rtpTimestamp);
        Bytes.put32(buf, off + 20, packetCount);
        Bytes.put32(buf, off + 24, octetCount);
        return MIN_LENGTH;
    }
}
