package dev.calls.media.rtp;

/**
 * A reusable view of one RTP packet (RFC 3550 §5.1) parsed in place over {@code (array, offset, length)}:
 * no copy, no allocation per packet. {@link #wrap} validates the fixed header, the CSRC list, the header
 * extension's length and the padding count against the given length and answers {@code false} for
 * anything malformed; it never throws on packet bytes. Setters write straight into the wrapped array.
 *
 * <p>32-bit fields (timestamp, SSRC, CSRC) are unsigned on the wire and returned as the raw bits in an
 * {@code int}. Accessors and setters may only be used after {@code wrap} returned {@code true}; otherwise
 * they throw {@link IllegalStateException}. The view holds the caller's array but never owns it; it is
 * not thread-safe — one view per thread.
 */
public final class RtpPacket {

    /** Size of the fixed header (RFC 3550 §5.1). */
    public static final int FIXED_HEADER_LENGTH = 12;

    private final RtpHeaderExtension extension = new RtpHeaderExtension();
    private byte[] buf;
    private int off;
    private int len;
    private int headerLength;
    private int paddingLength;

    /**
     * Points this view at the packet in {@code buf[off, off + len)}.
     *
     * @return {@code true} when the bytes form a well-formed RTP packet; on {@code false} (including a range
     *         outside the array) the view wraps nothing
     */
    public boolean wrap(byte[] buf, int off, int len) {
        this.buf = null;
        extension.clear();
        if (!Bytes.isRange(buf, off, len) || len < FIXED_HEADER_LENGTH) {
            return false;
        }
        int b0 = buf[off] & 0xFF;
        if (b0 >>> 6 != 2) {
            return false;
        }
        int header = FIXED_HEADER_LENGTH + 4 * (b0 & 0x0F);
        if (header > len) {
            return false;
        }
        if ((b0 & 0x10) != 0) {
            // RFC 3550 §5.3.1: 16-bit profile field, 16-bit length in 32-bit words, then the data.
            if (len - header < 4) {
                return false;
            }
            int profile = Bytes.u16(buf, off + header);
            int extensionBytes = 4 * Bytes.u16(buf, off + header + 2);
            if (extensionBytes > len - header - 4) {
                return false;
            }
            extension.set(buf, off + header + 4, extensionBytes, profile);
            header += 4 + extensionBytes;
        }
        int padding = 0;
        if ((b0 & 0x20) != 0) {
            // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
            padding = buf[off + len - 1] & 0xFF;
            if (padding == 0 || padding > len - header) {
                extension.clear();
                return false;
            }
        }
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.headerLength = header;
        this.paddingLength = padding;
        return true;
    }

    /** The wrapped array (not a copy). */
    public byte[] array() {
        return wrapped();
    }

    /** Offset of the packet in {@link #array()}. */
    public int offset() {
        wrapped();
        return off;
    }

    /** Length of the whole packet, padding included. */
    public int length() {
        wrapped();
        return len;
    }

    /** Always 2 for a wrapped packet. */
    public int version() {
        return (wrapped()[off] & 0xFF) >>> 6;
    }

    public boolean hasPadding() {
        return (wrapped()[off] & 0x20) != 0;
    }

    public boolean hasExtension() {
        return (wrapped()[off] & 0x10) != 0;
    }

    public int csrcCount() {
        return wrapped()[off] & 0x0F;
    }

    public boolean marker() {
        return (wrapped()[off + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return wrapped()[off + 1] & 0x7F;
    }

    public int sequenceNumber() {
        return Bytes.u16(wrapped(), off + 2);
    }

    public int timestamp() {
        return Bytes.i32(wrapped(), off + 4);
    }

    public int ssrc() {
        return Bytes.i32(wrapped(), off + 8);
    }

    /** The header extension block; {@link RtpHeaderExtension#isPresent()} is false when there is none. */
    public RtpHeaderExtension extension() {
        wrapped();
        return extension;
    }

    /** Bytes from the packet start to the payload: fixed header, CSRCs and header extension. */
    public int headerLength() {
        wrapped();
        return headerLength;
    }

    /** Absolute offset of the payload in {@link #array()}. */
    public int payloadOffset() {
        wrapped();
        return off + headerLength;
    }

    /** Length of the payload, padding excluded. */
    public int payloadLength() {
        wrapped();
        return len - headerLength - paddingLength;
    }

    /** Number of padding bytes at the end of the packet (0 without the P bit). */
    public int paddingLength() {
        wrapped();
        return paddingLength;
    }

    /** Sets the 7-bit payload type, keeping the marker bit. */
    public void setPayloadType(int payloadType) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        byte[] b = wrapped();
        b[off + 1] = (byte) (b[off + 1] & 0x80 | payloadType);
    }

    /** Sets the sequence number to the low 16 bits of {@code sequenceNumber}. */
    public void setSequenceNumber(int sequenceNumber) {
        Bytes.put16(wrapped(), off + 2, sequenceNumber);
    }

    private byte[] wrapped() {
        byte[] b = buf;
        if (b == null) {
            throw new IllegalStateException("no RTP packet wrapped");
        }
        return b;
    }
}
