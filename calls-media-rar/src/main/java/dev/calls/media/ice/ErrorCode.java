package dev.calls.media.ice;

import java.nio.charset.StandardCharsets;

/**
 * ERROR-CODE (RFC 8489 §14.8): 21 reserved bits, the hundreds digit in 3 bits, the rest of the code in a
 * byte, then a UTF-8 reason phrase. Only the codes an ICE-lite responder sends have reason phrases here.
 */
public final class ErrorCode {
    /** Malformed request, e.g. no USERNAME or MESSAGE-INTEGRITY (RFC 8489 §9.1.3), no PRIORITY. */
    public static final int BAD_REQUEST = 400;
    /** Wrong USERNAME or MESSAGE-INTEGRITY (RFC 8489 §9.1.3). */
    public static final int UNAUTHENTICATED = 401;
    /** A comprehension-required attribute the server does not understand (RFC 8489 §6.3.1). */
    public static final int UNKNOWN_ATTRIBUTE = 420;
    /** Both agents claim the same ICE role (RFC 8445 §7.3.1.1). */
    public static final int ROLE_CONFLICT = 487;

    private static final byte[] BAD_REQUEST_REASON = "Bad Request".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNAUTHENTICATED_REASON = "Unauthenticated".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNKNOWN_ATTRIBUTE_REASON = "Unknown Attribute".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROLE_CONFLICT_REASON = "Role Conflict".getBytes(StandardCharsets.US_ASCII);

    private ErrorCode() {
    }

    /** Appends ERROR-CODE with one of the codes above and its reason phrase. */
    public static void append(StunMessageWriter writer, int code) {
        byte[] reason = reasonPhrase(code);
        int value = writer.reserveAttribute(StunAttributeType.ERROR_CODE, 4 + reason.length);
        byte[] buf = writer.buffer();
        buf[value + 2] = (byte) (code / 100);
        buf[value + 3] = (byte) (code % 100);
        System.arraycopy(reason, 0, buf, value + 4, reason.length);
    }

    /** Reads the numeric code (300..699) of the ERROR-CODE attribute at {@code at}. */
    public static int code(StunMessage message, int at) throws StunParseException {
        if (message.attributeLength(at) < 4) {
            throw new StunParseException("ERROR-CODE too short");
        }
        byte[] buf = message.buffer();
        int value = StunMessage.valueOffset(at);
        int hundreds = buf[value + 2] & 0x07;
        int rest = buf[value + 3] & 0xFF;
        if (hundreds < 3 || hundreds > 6 || rest > 99) {
            throw new StunParseException("ERROR-CODE out of range");
        }
        return hundreds * 100 + rest;
    }

    private static byte[] reasonPhrase(int code) {
        switch (code) {
            case BAD_REQUEST:
                return BAD_REQUEST_REASON;
            case UNAUTHENTICATED:
                return UNAUTHENTICATED_REASON;
            case UNKNOWN_ATTRIBUTE:
                return UNKNOWN_ATTRIBUTE_REASON;
            case ROLE_CONFLICT:
                return ROLE_CONFLICT_REASON;
            default:
                throw new IllegalArgumentException("no reason phrase for error " + code);
        }
    }
}
