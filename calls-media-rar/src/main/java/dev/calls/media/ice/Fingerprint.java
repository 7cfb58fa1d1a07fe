package dev.calls.media.ice;

import java.util.zip.CRC32;

/**
 * FINGERPRINT (RFC 8489 §14.7): the CRC-32 of the message up to the attribute, XORed with 0x5354554e so
 * that it differs from the CRC of an application packet carried next to STUN. It is always the last
 * attribute, so the header's length field already covers it when the CRC is computed.
 *
 * <p>Holds a reusable {@link CRC32}; not thread-safe, one instance per single-threaded owner.
 */
public final class Fingerprint {
    private static final int XOR = 0x5354554e;

    private final CRC32 crc = new CRC32();

    /** Whether the message ends with a FINGERPRINT whose value is correct. */
    public boolean verify(StunMessage message) {
        int at = message.fingerprintAt();
        if (at < 0) {
            return false;
        }
        return compute(message.buffer(), message.offset(), at)
                == NetworkBytes.readInt(message.buffer(), StunMessage.valueOffset(at));
    }

    /** Appends FINGERPRINT over everything written so far; nothing may be appended after it. */
    public void append(StunMessageWriter writer) {
        int value = writer.reserveAttribute(StunAttributeType.FINGERPRINT, StunMessage.FINGERPRINT_VALUE_LENGTH);
        NetworkBytes.writeInt(writer.buffer(), value, compute(writer.buffer(), writer.messageOffset(), value - 4));
    }

    private int compute(byte[] buf, int off, int at) {
        crc.reset();
        crc.update(buf, off, at - off);
        return (int) crc.getValue() ^ XOR;
    }
}
