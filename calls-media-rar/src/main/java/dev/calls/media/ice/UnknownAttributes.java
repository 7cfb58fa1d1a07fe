package dev.calls.media.ice;

/**
 * UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): the 16-bit types of the comprehension-required attributes that
 * made the server answer 420 (Unknown Attribute).
 */
public final class UnknownAttributes {
    private UnknownAttributes() {
    }

    /** Appends UNKNOWN-ATTRIBUTES listing {@code types[0..count)}. */
    public static void append(StunMessageWriter writer, int[] types, int count) {
        int value = writer.reserveAttribute(StunAttributeType.UNKNOWN_ATTRIBUTES, 2 * count);
        for (int i = 0; i < count; i++) {
            NetworkBytes.writeShort(writer.buffer(), value + 2 * i, types[i]);
        }
    }
}
