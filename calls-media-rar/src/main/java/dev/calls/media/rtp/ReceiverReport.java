package dev.calls.media.rtp;

/**
 * Receiver report, RTCP packet type 201 (RFC 3550 §6.4.2): sender SSRC and report blocks. Any
 * profile-specific extension after the blocks is ignored.
 */
public final class ReceiverReport extends ReportPacket {

    /** Size of an RR without report blocks. */
    public static final int MIN_LENGTH = 8;
    /** The 5-bit report count allows at most 31 blocks per packet. */
    public static final int MAX_REPORT_BLOCKS = 31;

    public ReceiverReport() {
        super(RtcpPacketType.RECEIVER_REPORT, MIN_LENGTH);
    }

    /**
     * Writes an RR with one report block from each of {@code sources[0, count)}; each source closes its
     * reporting interval (see {@link ReceiveStatistics#writeReportBlock}). With {@code count} 0 this is the
     * empty RR that starts a compound packet from a receiver with nothing to report.
     *
     * @param nowNanos the current time on the clock the sources were fed with (for DLSR)
     * @return the packet's length, {@code 8 + 24 * count}
     * @throws IllegalArgumentException if {@code count} exceeds 31 or the packet does not fit in {@code buf}
     */
    public static int write(byte[] buf, int off, int senderSsrc, ReceiveStatistics[] sources, int count,
            long nowNanos) {
        if (count < 0 || count > MAX_REPORT_BLOCKS || count > sources.length) {
            throw new IllegalArgumentException("report block count out of range: " + count);
        }
        int length = MIN_LENGTH + count * ReportBlock.LENGTH;
        Bytes.requireRoom(buf, off, length);
        writeHeader(buf, off, count, RtcpPacketType.RECEIVER_REPORT, length);
        Bytes.put32(buf, off + 4, senderSsrc);
        for (int i = 0; i < count; i++) {
            sources[i].writeReportBlock(buf, off + MIN_LENGTH + i * ReportBlock.LENGTH, nowNanos);
        }
        return length;
    }
}
