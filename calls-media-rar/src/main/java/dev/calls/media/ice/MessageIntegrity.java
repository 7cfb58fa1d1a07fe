package dev.calls.media.ice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): an HMAC-SHA1 over the message up to the attribute, computed as if
 * the header's length field ended right after MESSAGE-INTEGRITY — so attributes that follow it (only
 * FINGERPRINT in practice) do not change the HMAC.
 *
 * <p>One instance holds one key and a reusable {@link Mac}, so the key schedule is done once. The JCE's
 * {@code Mac.doFinal} still returns a fresh 20-byte array (and the provider allocates a digest array
 * inside): a few dozen short-lived bytes per HMAC, the only allocation on this path. Not thread-safe: an
 * instance belongs to one single-threaded owner (e.g. one ICE responder).
 */
public final class MessageIntegrity {
    private static final String ALGORITHM = "HmacSHA1";
    private static final int ATTRIBUTE_LENGTH = 4 + StunMessage.INTEGRITY_VALUE_LENGTH;

    private final Mac mac;
    private final byte[] adjustedLength = new byte[2];

    /** A MESSAGE-INTEGRITY keyed with raw key bytes. */
    public MessageIntegrity(byte[] key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is a required JCE algorithm", e);
        }
    }

    /**
     * A MESSAGE-INTEGRITY for the short-term credential mechanism (RFC 8489 §9.1.1): the key is the
     * password processed with the OpaqueString profile, which leaves ICE passwords — ice-chars, all ASCII
     * (RFC 8839 §5.4) — unchanged, so their UTF-8 bytes are the key.
     */
    public static MessageIntegrity shortTerm(String password) {
        return new MessageIntegrity(password.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the message has a MESSAGE-INTEGRITY that matches this key. Compares in constant time. */
    public boolean verify(StunMessage message) {
        int at = message.integrityAt();
        if (at < 0) {
            return false;
        }
        byte[] computed = compute(message.buffer(), message.offset(), at);
        byte[] buf = message.buffer();
        int value = StunMessage.valueOffset(at);
        int difference = 0;
        for (int i = 0; i < computed.length; i++) {
            difference |= computed[i] ^ buf[value + i];
        }
        return difference == 0;
    }

    /** Appends MESSAGE-INTEGRITY over everything written so far. Only FINGERPRINT may follow it. */
    public void append(StunMessageWriter writer) {
        int value = writer.reserveAttribute(StunAttributeType.MESSAGE_INTEGRITY, StunMessage.INTEGRITY_VALUE_LENGTH);
        byte[] computed = compute(writer.buffer(), writer.messageOffset(), value - 4);
        System.arraycopy(computed, 0, writer.buffer(), value, computed.length);
    }

    /** HMAC of the message at {@code off} up to the MESSAGE-INTEGRITY attribute at {@code at}. */
    private byte[] compute(byte[] buf, int off, int at) {
        NetworkBytes.writeShort(adjustedLength, 0, at + ATTRIBUTE_LENGTH - off - StunHeader.LENGTH);
        mac.update(buf, off, 2);
        mac.update(adjustedLength, 0, 2);
        mac.update(buf, off + 4, at - off - 4);
        return mac.doFinal();
    }
}
