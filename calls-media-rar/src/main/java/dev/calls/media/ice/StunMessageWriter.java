package dev.calls.media.ice;

import java.util.Arrays;
import java.util.Objects;

/**
 * Writes one STUN message in place into a caller-provided byte array (RFC 8489 §5, §14): header first,
 * then attributes in order, keeping the header's length field equal to the attributes written so far —
 * which is what MESSAGE-INTEGRITY (§14.5) and FINGERPRINT (§14.7) need when they are appended last.
 * Padding bytes are written as zeros (§14).
 *
 * <p>Reusable: {@link #start} begins a new message. Not thread-safe. The caller provides room for the
 * whole message; running past the end of the array throws {@link IndexOutOfBoundsException}.
 */
public final class StunMessageWriter {
    private byte[] buf;
    private int start;
    private int position;

    /**
     * Begins a message at {@code off} with the given type and the 12-byte transaction id found at
     * {@code transactionId[transactionIdOff]} (which may lie in another message, e.g. the request).
     */
    public StunMessageWriter start(byte[] buf, int off, int messageType, byte[] transactionId, int transactionIdOff) {
        Objects.checkFromIndexSize(off, StunHeader.LENGTH, buf.length);
        Objects.checkFromIndexSize(transactionIdOff, StunHeader.TRANSACTION_ID_LENGTH, transactionId.length);
        this.buf = buf;
        this.start = off;
        this.position = off + StunHeader.LENGTH;
        NetworkBytes.writeShort(buf, off, messageType & 0x3FFF);
        NetworkBytes.writeShort(buf, off + 2, 0);
        NetworkBytes.writeInt(buf, off + StunHeader.COOKIE_OFFSET, StunHeader.MAGIC_COOKIE);
        System.arraycopy(transactionId, transactionIdOff, buf, off + StunHeader.TRANSACTION_ID_OFFSET,
                StunHeader.TRANSACTION_ID_LENGTH);
        return this;
    }

    /**
     * Appends an attribute header and zeroed room for a value of {@code valueLength} bytes plus padding,
     * updates the header's length field, and returns the absolute offset where the caller writes the value.
     */
    public int reserveAttribute(int type, int valueLength) {
        if (valueLength < 0 || valueLength > 0xFFFF) {
            throw new IllegalArgumentException("attribute value length " + valueLength);
        }
        int padded = StunMessage.padded(valueLength);
        Objects.checkFromIndexSize(position, 4 + padded, buf.length);
        int at = position;
        NetworkBytes.writeShort(buf, at, type);
        NetworkBytes.writeShort(buf, at + 2, valueLength);
        Arrays.fill(buf, at + 4, at + 4 + padded, (byte) 0);
        position = at + 4 + padded;
        NetworkBytes.writeShort(buf, start + 2, position - start - StunHeader.LENGTH);
        return at + 4;
    }

    /** Appends an attribute whose value is {@code len} bytes copied from {@code src}. */
    public void addBytes(int type, byte[] src, int off, int len) {
        int value = reserveAttribute(type, len);
        System.arraycopy(src, off, buf, value, len);
    }

    /** Appends a 32-bit value, e.g. PRIORITY (RFC 8445 §16.1). */
    public void addInt(int type, int value) {
        NetworkBytes.writeInt(buf, reserveAttribute(type, 4), value);
    }

    /** Appends a 64-bit value, e.g. the ICE-CONTROLLING/ICE-CONTROLLED tie-breaker (RFC 8445 §16.1). */
    public void addLong(int type, long value) {
        NetworkBytes.writeLong(buf, reserveAttribute(type, 8), value);
    }

    /** Appends an attribute with an empty value, e.g. USE-CANDIDATE (RFC 8445 §16.1). */
    public void addFlag(int type) {
        reserveAttribute(type, 0);
    }

    /** The array being written. */
    public byte[] buffer() {
        return buf;
    }

    /** Absolute offset of the message's first byte. */
    public int messageOffset() {
        return start;
    }

    /** Absolute offset of the transaction id in the message being written. */
    public int transactionIdOffset() {
        return start + StunHeader.TRANSACTION_ID_OFFSET;
    }

    /** Bytes written so far: the length of the message if it ended now. */
    public int length() {
        return position - start;
    }
}
