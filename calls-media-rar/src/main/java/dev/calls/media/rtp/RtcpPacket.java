package dev.calls.media.rtp;

/**
 * Base of the reusable RTCP packet views: the common header of RFC 3550 §6.4.1 (version 2, padding bit, a
 * 5-bit count or feedback format, the packet type, and the length in 32-bit words minus one). Each subclass
 * checks its own type and body in {@link #wrap}, which answers {@code false} for anything malformed and
 * never throws on packet bytes.
 *
 * <p>Accessors may only be used after {@code wrap} returned {@code true}; otherwise they throw
 * {@link IllegalStateException}. 32-bit fields are the raw bits in an {@code int}. The view does not own the
 * array; it is not thread-safe — one view per thread.
 */
public abstract sealed class RtcpPacket
        permits ReportPacket, FeedbackPacket {

    /** Size of the common header. */
    public static final int HEADER_LENGTH = 4;

    private byte[] buf;
    private int off;
    private int len;
    private int contentEnd;

    RtcpPacket() {
    }

    /**
     * Points this view at the RTCP packet starting at {@code buf[off]}, which must lie within
     * {@code len} bytes; the packet's own length field decides where it ends, so {@code len} may cover the
     * rest of a compound packet.
     *
     * @return {@code true} when the bytes hold a well-formed packet of this view's kind; on {@code false}
     *         (including a range outside the array) the view wraps nothing
     */
    public final boolean wrap(byte[] buf, int off, int len) {
        this.buf = null;
        if (!Bytes.isRange(buf, off, len) || len < HEADER_LENGTH) {
            return false;
        }
        int b0 = buf[off] & 0xFF;
        if (b0 >>> 6 != 2) {
            return false;
        }
        int packetLength = 4 * (Bytes.u16(buf, off + 2) + 1);
        if (packetLength > len) {
            return false;
        }
        int padding = 0;
        if ((b0 & 0x20) != 0) {
            // RFC 3550 §6.4.1: the last octet counts the padding octets, itself included.
            padding = buf[off + packetLength - 1] & 0xFF;
            if (padding == 0 || padding > packetLength - HEADER_LENGTH) {
                return false;
            }
        }
        this.off = off;
        this.len = packetLength;
        this.contentEnd = off + packetLength - padding;
        if (!accept(buf, off, contentEnd)) {
            return false;
        }
        this.buf = buf;
        return true;
    }

    /**
     * Whether the packet whose common header is at {@code off} and whose content (padding excluded) ends at
     * {@code contentEnd} is well formed for this view. Called with the header already checked.
     */
    abstract boolean accept(byte[] buf, int off, int contentEnd);

    /** The wrapped array (not a copy). */
    public final byte[] array() {
        return wrapped();
    }

    /** Offset of the packet in {@link #array()}. */
    public final int offset() {
        wrapped();
        return off;
    }

    /** Length of the packet from its length field, padding included. */
    public final int length() {
        wrapped();
        return len;
    }

    public final boolean hasPadding() {
        return (wrapped()[off] & 0x20) != 0;
    }

    /** The 5-bit count field: report count, source count or feedback message type (FMT). */
    public final int count() {
        return wrapped()[off] & 0x1F;
    }

    public final int packetType() {
        return wrapped()[off + 1] & 0xFF;
    }

    /** Length of the content after the common header, padding excluded. */
    public final int contentLength() {
        wrapped();
        return contentEnd - off - HEADER_LENGTH;
    }

    /** The 32-bit word at {@code relative} bytes from the packet start. */
    final int word(int relative) {
        return Bytes.i32(wrapped(), off + relative);
    }

    /** Writes a common header with the P bit clear; {@code length} is the packet's size in bytes. */
    static void writeHeader(byte[] buf, int off, int count, int packetType, int length) {
        buf[off] = (byte) (0x80 | count);
        buf[off + 1] = (byte) packetType;
        Bytes.put16(buf, off + 2, length / 4 - 1);
    }

    private byte[] wrapped() {
        byte[] b = buf;
        if (b == null) {
            throw new IllegalStateException("no RTCP packet wrapped");
        }
        return b;
    }
}
