package dev.calls.media.rtp;

/**
 * A reusable iterator over the packets of a compound RTCP packet (RFC 3550 §6.1), in place. Each step checks
 * the common header (version 2, length within what is left) and exposes the packet's type, count and
 * extent, which a caller hands to the matching {@link RtcpPacket} view. Iteration stops at the end or at the
 * first malformed header, and the packets before it stay usable. The order rules of §6.1 (SR or RR
 * first) are not enforced, since reduced-size RTCP (RFC 5506) lets feedback travel alone.
 *
 * <pre>{@code
 * if (compound.wrap(buf, off, len)) {
 *     while (compound.next()) {
 *         if (compound.packetType() == RtcpPacketType.PAYLOAD_FEEDBACK
 *                 && pli.wrap(compound.array(), compound.packetOffset(), compound.packetLength())) { ... }
 *     }
 * }
 * }</pre>
 *
 * Not thread-safe; does not own the array.
 */
public final class RtcpCompound {

    private byte[] buf;
    private int pos;
    private int end;
    private int packetOffset = -1;
    private int packetLength;

    /**
     * Starts iterating the compound packet in {@code buf[off, off + len)}.
     *
     * @return {@code false} when the range lies outside the array or is too short for one common header;
     *         the iterator then yields nothing
     */
    public boolean wrap(byte[] buf, int off, int len) {
        this.packetOffset = -1;
        this.packetLength = 0;
        if (!Bytes.isRange(buf, off, len) || len < RtcpPacket.HEADER_LENGTH) {
            this.buf = null;
            return false;
        }
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
        return true;
    }

    /** Moves to the next packet; {@code false} at the end or at a malformed header. */
    public boolean next() {
        packetOffset = -1;
        packetLength = 0;
        if (buf == null || pos >= end) {
            return false;
        }
        int left = end - pos;
        if (left < RtcpPacket.HEADER_LENGTH || (buf[pos] & 0xC0) != 0x80) {
            return stop();
        }
        int length = 4 * (Bytes.u16(buf, pos + 2) + 1);
        if (length > left) {
            return stop();
        }
        packetOffset = pos;
        packetLength = length;
        pos += length;
        return true;
    }

    private boolean stop() {
        pos = end;
        return false;
    }

    /** The iterated array (not a copy). */
    public byte[] array() {
        return current();
    }

    /** Absolute offset of the current packet. */
    public int packetOffset() {
        current();
        return packetOffset;
    }

    /** Length of the current packet in bytes, from its length field. */
    public int packetLength() {
        current();
        return packetLength;
    }

    /** Packet type of the current packet (see {@link RtcpPacketType}). */
    public int packetType() {
        return current()[packetOffset + 1] & 0xFF;
    }

    /** The 5-bit count field of the current packet: report count, source count or feedback format. */
    public int count() {
        return current()[packetOffset] & 0x1F;
    }

    private byte[] current() {
        if (packetOffset < 0) {
            throw new IllegalStateException("no current RTCP packet");
        }
        return buf;
    }
}
