package dev.calls.media.sdp;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code a=fingerprint} (RFC 8122 §5): the hash function name and the certificate digest as colon
 * separated hex pairs. Both are compared case-insensitively, as RFC 8122 asks of the hash name and
 * browsers write hex in either case.
 */
public record Fingerprint(String hashFunction, String value) {

    public static final String SHA_256 = "sha-256";

    public Fingerprint {
        Objects.requireNonNull(hashFunction, "hashFunction");
        Objects.requireNonNull(value, "value");
        if (!isHexPairs(value)) {
            throw new IllegalArgumentException("fingerprint value must be colon separated hex pairs");
        }
    }

    /** The fingerprint of a certificate digest, written in upper case as RFC 8122 §5 shows it. */
    public static Fingerprint of(String hashFunction, byte[] digest) {
        StringBuilder hex = new StringBuilder(digest.length * 3);
        for (int i = 0; i < digest.length; i++) {
            if (i > 0) {
                hex.append(':');
            }
            hex.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xF, 16)));
            hex.append(Character.toUpperCase(Character.forDigit(digest[i] & 0xF, 16)));
        }
        return new Fingerprint(hashFunction.toLowerCase(Locale.ROOT), hex.toString());
    }

    /** Reads the attribute value, for example {@code sha-256 AB:CD:...}. */
    public static Fingerprint parse(String attributeValue) throws SdpParseException {
        String[] t = SdpTokens.split(attributeValue);
        if (t.length != 2) {
            throw new SdpParseException("a=fingerprint needs 'hash-function hex:pairs', found " + t.length
                    + " fields");
        }
        if (!isHexPairs(t[1])) {
            throw new SdpParseException("a=fingerprint value '" + t[1] + "' is not colon separated hex pairs");
        }
        return new Fingerprint(t[0], t[1]);
    }

    /** The digest bytes. */
    public byte[] digest() {
        byte[] bytes = new byte[(value.length() + 1) / 3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (Character.digit(value.charAt(3 * i), 16) << 4
                    | Character.digit(value.charAt(3 * i + 1), 16));
        }
        return bytes;
    }

    /** Whether this is the fingerprint of that digest under that hash function. */
    public boolean matches(String hashFunction, byte[] digest) {
        return this.hashFunction.equalsIgnoreCase(hashFunction) && java.util.Arrays.equals(digest(), digest);
    }

    public boolean isSha256() {
        return SHA_256.equalsIgnoreCase(hashFunction);
    }

    public String sdpValue() {
        return hashFunction + ' ' + value;
    }

    private static boolean isHexPairs(String s) {
        if (s.length() < 2 || (s.length() + 1) % 3 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 128;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
