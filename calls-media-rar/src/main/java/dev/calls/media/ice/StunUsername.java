package dev.calls.media.ice;

import java.nio.charset.StandardCharsets;

/**
 * Finds the local ufrag in the USERNAME of a Binding request without parsing the whole message, so the
 * UDP demultiplexer can pick the session for a datagram from a new remote address. In a connectivity
 * check sent to us the USERNAME is "ourUfrag:theirUfrag" (RFC 8445 §7.2.2), so the part before the first
 * ':' is the ufrag we gave out in our SDP.
 *
 * <p>Stateless and safe on any bytes: garbage yields "not found", never an exception. This is only a
 * routing hint; the session's responder still authenticates the request.
 */
public final class StunUsername {
    private static final int NOT_FOUND = -1;

    private StunUsername() {
    }

    /**
     * Locates the local ufrag of a Binding request: returns {@code (offset << 32) | length} of its bytes in
     * {@code buf}, or -1 if the datagram is not a Binding request with a USERNAME containing ':' after a
     * non-empty ufrag. Use {@link #offsetOf} and {@link #lengthOf} to unpack. Allocates nothing.
     */
    public static long localUfragRange(byte[] buf, int off, int len) {
        if (!StunHeader.isStun(buf, off, len)
                || StunHeader.messageType(buf, off) != StunMessageType.BINDING_REQUEST) {
            return NOT_FOUND;
        }
        int end = off + StunHeader.LENGTH + StunHeader.messageLength(buf, off);
        int at = off + StunHeader.LENGTH;
        while (end - at >= 4) {
            int type = NetworkBytes.readUnsignedShort(buf, at);
            int valueLength = NetworkBytes.readUnsignedShort(buf, at + 2);
            if (valueLength > end - at - 4) {
                return NOT_FOUND;
            }
            if (type == StunAttributeType.USERNAME) {
                return ufragBeforeColon(buf, at + 4, valueLength);
            }
            if (type == StunAttributeType.MESSAGE_INTEGRITY) {
                // RFC 8489 §14.5: nothing after MESSAGE-INTEGRITY but FINGERPRINT counts.
                return NOT_FOUND;
            }
            at += 4 + StunMessage.padded(valueLength);
        }
        return NOT_FOUND;
    }

    /** The local ufrag of a Binding request as a string, or null; see {@link #localUfragRange}. */
    public static String localUfrag(byte[] buf, int off, int len) {
        long range = localUfragRange(buf, off, len);
        if (range < 0) {
            return null;
        }
        return new String(buf, offsetOf(range), lengthOf(range), StandardCharsets.UTF_8);
    }

    /** The offset part of a range from {@link #localUfragRange}. */
    public static int offsetOf(long range) {
        return (int) (range >>> 32);
    }

    /** The length part of a range from {@link #localUfragRange}. */
    public static int lengthOf(long range) {
        return (int) range;
    }

    private static long ufragBeforeColon(byte[] buf, int value, int valueLength) {
        for (int i = 0; i < valueLength; i++) {
            if (buf[value + i] == ':') {
                return i == 0 ? NOT_FOUND : (long) value << 32 | i;
            }
        }
        return NOT_FOUND;
    }
}
