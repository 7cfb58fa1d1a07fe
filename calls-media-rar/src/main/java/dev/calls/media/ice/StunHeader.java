package dev.calls.media.ice;

/**
 * The fixed 20-byte STUN header (RFC 8489 §5): message type, message length (of the attributes, a
 * multiple of 4), the magic cookie and a 96-bit transaction id. Static readers over a byte array; callers
 * check bounds first, {@link #isStun} does it for them.
 */
public final class StunHeader {
    public static final int LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int COOKIE_OFFSET = 4;
    public static final int TRANSACTION_ID_OFFSET = 8;
    public static final int TRANSACTION_ID_LENGTH = 12;

    private StunHeader() {
    }

    /**
     * Cheap test for the UDP demultiplexer: could this datagram be STUN? RFC 7983 §7 gives STUN the first
     * byte values 0..3; the magic cookie, the 4-byte aligned length and a length that fits the datagram
     * rule out RTP/RTCP, DTLS and most garbage. Never throws for any offset and length inside the array.
     */
    public static boolean isStun(byte[] buf, int off, int len) {
        if (len < LENGTH || off < 0 || off > buf.length - len) {
            return false;
        }
        if ((buf[off] & 0xFF) > 3) {
            return false;
        }
        int bodyLength = messageLength(buf, off);
        return (bodyLength & 3) == 0 && bodyLength <= len - LENGTH
                && NetworkBytes.readInt(buf, off + COOKIE_OFFSET) == MAGIC_COOKIE;
    }

    /** The 14-bit message type (see {@link StunMessageType}). */
    public static int messageType(byte[] buf, int off) {
        return NetworkBytes.readUnsignedShort(buf, off) & 0x3FFF;
    }

    /** The length field: bytes of attributes after the header. */
    public static int messageLength(byte[] buf, int off) {
        return NetworkBytes.readUnsignedShort(buf, off + 2);
    }
}
