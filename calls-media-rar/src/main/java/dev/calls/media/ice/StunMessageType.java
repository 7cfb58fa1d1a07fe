package dev.calls.media.ice;

/**
 * STUN message types: a 12-bit method and a 2-bit class interleaved in the 14 low bits of the first header
 * field (RFC 8489 §5, figure 3: bits M11..M7 C1 M6..M4 C0 M3..M0).
 */
public final class StunMessageType {
    /** The only method ICE uses (RFC 8489 §18.2). */
    public static final int METHOD_BINDING = 0x001;

    public static final int CLASS_REQUEST = 0b00;
    public static final int CLASS_INDICATION = 0b01;
    public static final int CLASS_SUCCESS_RESPONSE = 0b10;
    public static final int CLASS_ERROR_RESPONSE = 0b11;

    public static final int BINDING_REQUEST = of(METHOD_BINDING, CLASS_REQUEST);
    public static final int BINDING_INDICATION = of(METHOD_BINDING, CLASS_INDICATION);
    public static final int BINDING_SUCCESS_RESPONSE = of(METHOD_BINDING, CLASS_SUCCESS_RESPONSE);
    public static final int BINDING_ERROR_RESPONSE = of(METHOD_BINDING, CLASS_ERROR_RESPONSE);

    private StunMessageType() {
    }

    /** Encodes a method (12 bits) and class (2 bits) into a message type. */
    public static int of(int method, int messageClass) {
        return (method & 0x000F)
                | (method & 0x0070) << 1
                | (method & 0x0F80) << 2
                | (messageClass & 0b01) << 4
                | (messageClass & 0b10) << 7;
    }

    /** The 12-bit method of a message type. */
    public static int method(int messageType) {
        return (messageType & 0x000F)
                | (messageType & 0x00E0) >> 1
                | (messageType & 0x3E00) >> 2;
    }

    /** The class (one of the {@code CLASS_*} constants) of a message type. */
    public static int messageClass(int messageType) {
        return (messageType & 0x0010) >> 4 | (messageType & 0x0100) >> 7;
    }
}
