package dev.calls.media.rtp;

import java.util.Objects;

/**
 * What sender and receiver reports share (RFC 3550 §6.4): the reporter's SSRC after the common header, then
 * as many 24-byte report blocks as the header's count says, starting after the type's fixed part. Any
 * profile-specific extension after the blocks is ignored.
 */
public abstract sealed class ReportPacket extends RtcpPacket permits SenderReport, ReceiverReport {

    private final int packetType;
    private final int blocksOffset;
    private final ReportBlock block = new ReportBlock();

    ReportPacket(int packetType, int blocksOffset) {
        this.packetType = packetType;
        this.blocksOffset = blocksOffset;
    }

    @Override
    final boolean accept(byte[] buf, int off, int contentEnd) {
        int blocks = buf[off] & 0x1F;
        return (buf[off + 1] & 0xFF) == packetType && contentEnd - off >= blocksOffset + blocks * ReportBlock.LENGTH;
    }

    public final int senderSsrc() {
        return word(4);
    }

    public final int reportCount() {
        return count();
    }

    /** The report block at {@code index}; the returned view is owned by this report and re-pointed per call. */
    public final ReportBlock reportBlock(int index) {
        Objects.checkIndex(index, reportCount());
        block.point(array(), offset() + blocksOffset + index * ReportBlock.LENGTH);
        return block;
    }
}
