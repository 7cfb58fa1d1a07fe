package dev.calls.media.sdp;

import java.util.Objects;

/**
 * {@code a=fingerprint} (RFC 8122 §5) as SDP text: the hash function name and the certificate digest as
 * colon separated hex pairs, checked for that syntax only. Decoding the digest and comparing it with a
 * certificate is the DTLS layer's business ({@code dev.calls.media.dtls.DtlsFingerprint}).
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

    /** Whether the hash function is sha-256, the one every browser sends; names are case-insensitive (RFC 8122 §5). */
    public boolean isSha256() {
        return SHA_256.equalsIgnoreCase(hashFunction);
    }

    /** The attribute value as it is written: {@code <hash-func> SP <fingerprint>}. */
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
