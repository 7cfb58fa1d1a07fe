package dev.calls.media.ice;

import java.util.Objects;

/**
 * A reusable, read-only view of one STUN message inside a byte array (RFC 8489 §5, §14). {@link #wrap}
 * checks the header and walks the attributes once; afterwards every accessor works on the caller's bytes,
 * without copying or allocating. The caller must not change the bytes while the view is in use.
 *
 * <p>Attributes are addressed by the absolute offset of their 4-byte attribute header ("at"). Iteration
 * follows RFC 8489 §14: values are padded to a multiple of 4 bytes, and everything after
 * MESSAGE-INTEGRITY except FINGERPRINT is ignored (§14.5); FINGERPRINT must be the last attribute (§14.7).
 * Duplicates are allowed and only the first occurrence counts (§14).
 *
 * <p>Not thread-safe: one instance per thread (or per single-threaded owner), re-wrapped per datagram.
 */
public final class StunMessage {
    /** Value length of MESSAGE-INTEGRITY: an HMAC-SHA1 (RFC 8489 §14.5). */
    static final int INTEGRITY_VALUE_LENGTH = 20;
    /** Value length of FINGERPRINT: a CRC-32 (RFC 8489 §14.7). */
    static final int FINGERPRINT_VALUE_LENGTH = 4;

    private byte[] buf;
    private int offset;
    private int end;
    private int integrityAt;
    private int fingerprintAt;

    /**
     * Points this view at the message starting at {@code off}. {@code len} is the datagram length from
     * {@code off}; bytes after the message length given in the header are ignored.
     *
     * @throws StunParseException if the bytes are not a well-formed STUN message; the view is then empty
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not lie inside {@code buf}
     */
    public StunMessage wrap(byte[] buf, int off, int len) throws StunParseException {
        Objects.checkFromIndexSize(off, len, buf.length);
        this.buf = null;
        if (len < StunHeader.LENGTH) {
            throw new StunParseException("shorter than a STUN header");
        }
        if ((buf[off] & 0xC0) != 0) {
            throw new StunParseException("first two bits of a STUN message must be zero");
        }
        if (NetworkBytes.readInt(buf, off + StunHeader.COOKIE_OFFSET) != StunHeader.MAGIC_COOKIE) {
            throw new StunParseException("no magic cookie");
        }
        int bodyLength = StunHeader.messageLength(buf, off);
        if ((bodyLength & 3) != 0) {
            throw new StunParseException("message length is not a multiple of 4");
        }
        if (bodyLength > len - StunHeader.LENGTH) {
            throw new StunParseException("message length exceeds the datagram");
        }
        int messageEnd = off + StunHeader.LENGTH + bodyLength;
        int integrity = -1;
        int fingerprint = -1;
        int at = off + StunHeader.LENGTH;
        while (at < messageEnd) {
            if (fingerprint >= 0) {
                throw new StunParseException("FINGERPRINT is not the last attribute");
            }
            if (messageEnd - at < 4) {
                throw new StunParseException("truncated attribute header");
            }
            int type = NetworkBytes.readUnsignedShort(buf, at);
            int valueLength = NetworkBytes.readUnsignedShort(buf, at + 2);
            if (valueLength > messageEnd - at - 4) {
                throw new StunParseException("attribute value exceeds the message");
            }
            if (type == StunAttributeType.MESSAGE_INTEGRITY && integrity < 0) {
                if (valueLength != INTEGRITY_VALUE_LENGTH) {
                    throw new StunParseException("MESSAGE-INTEGRITY must be 20 bytes");
                }
                integrity = at;
            } else if (type == StunAttributeType.FINGERPRINT) {
                if (valueLength != FINGERPRINT_VALUE_LENGTH) {
                    throw new StunParseException("FINGERPRINT must be 4 bytes");
                }
                fingerprint = at;
            }
            at += 4 + padded(valueLength);
        }
        this.buf = buf;
        this.offset = off;
        this.end = messageEnd;
        this.integrityAt = integrity;
        this.fingerprintAt = fingerprint;
        return this;
    }

    /** The array this view reads. */
    public byte[] buffer() {
        return buf;
    }

    /** Offset of the message's first header byte. */
    public int offset() {
        return offset;
    }

    /** Length of the whole message: header plus attributes. */
    public int length() {
        return end - offset;
    }

    /** The 14-bit message type; see {@link StunMessageType}. */
    public int messageType() {
        return StunHeader.messageType(buf, offset);
    }

    /** Absolute offset of the 12-byte transaction id. */
    public int transactionIdOffset() {
        return offset + StunHeader.TRANSACTION_ID_OFFSET;
    }

    /** Absolute offset of the MESSAGE-INTEGRITY attribute header, or -1 if the message has none. */
    public int integrityAt() {
        return integrityAt;
    }

    /** Absolute offset of the FINGERPRINT attribute header, or -1 if the message has none. */
    public int fingerprintAt() {
        return fingerprintAt;
    }

    /** The first attribute, or -1 if the message has none. */
    public int firstAttribute() {
        int at = offset + StunHeader.LENGTH;
        return at < end ? at : -1;
    }

    /** The attribute after {@code at} that a receiver must process, or -1 at the end (RFC 8489 §14.5). */
    public int nextAttribute(int at) {
        if (at == integrityAt) {
            return fingerprintAt;
        }
        int next = at + 4 + padded(attributeLength(at));
        return next < end ? next : -1;
    }

    /** The first processable attribute of this type, or -1 if there is none. */
    public int findAttribute(int type) {
        for (int at = firstAttribute(); at >= 0; at = nextAttribute(at)) {
            if (attributeType(at) == type) {
                return at;
            }
        }
        return -1;
    }

    public int attributeType(int at) {
        return NetworkBytes.readUnsignedShort(buf, at);
    }

    /** The value length, without padding. */
    public int attributeLength(int at) {
        return NetworkBytes.readUnsignedShort(buf, at + 2);
    }

    /** Absolute offset of the attribute's value. */
    public static int valueOffset(int at) {
        return at + 4;
    }

    /** Reads a 64-bit value (e.g. the ICE-CONTROLLING/ICE-CONTROLLED tie-breaker, RFC 8445 §16.1). */
    public long readLong(int at) throws StunParseException {
        expectLength(at, 8);
        return NetworkBytes.readLong(buf, at + 4);
    }

    private void expectLength(int at, int length) throws StunParseException {
        if (attributeLength(at) != length) {
            throw new StunParseException("attribute 0x" + Integer.toHexString(attributeType(at)) + " must be "
                    + length + " bytes");
        }
    }

    /** The value length rounded up to the 4-byte boundary the next attribute starts on. */
    static int padded(int valueLength) {
        return (valueLength + 3) & ~3;
    }
}
