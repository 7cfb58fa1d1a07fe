package dev.calls.media.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A certificate fingerprint as carried in the SDP {@code a=fingerprint} attribute (RFC 8122 §5):
 * a hash function name and the digest of the DER-encoded certificate, written as uppercase hex byte
 * pairs separated by colons, for example {@code sha-256 AB:CD:…}. Immutable.
 */
public final class DtlsFingerprint {

    private final HashFunction function;
    private final byte[] digest;

    private DtlsFingerprint(HashFunction function, byte[] digest) {
        this.function = function;
        this.digest = digest;
    }

    /** The fingerprint of a DER-encoded certificate with the given hash function (an SDP name like "sha-256"). */
    public static DtlsFingerprint of(String hashFunction, byte[] derCertificate) throws FingerprintFormatException {
        HashFunction function = HashFunction.named(hashFunction);
        return new DtlsFingerprint(function, function.digest(derCertificate));
    }

    /**
     * Parses the attribute value {@code <hash-func> SP <fingerprint>} (RFC 8122 §5). The hash function
     * name is matched without regard to case, and lowercase hex is accepted although the grammar asks
     * for uppercase, because being strict about case would only reject browsers for no gain.
     *
     * @throws FingerprintFormatException when the value is malformed, the hash function is not one of
     *     sha-1, sha-224, sha-256, sha-384, sha-512, or the digest length does not fit the function
     */
    public static DtlsFingerprint parse(String value) throws FingerprintFormatException {
        if (value == null) {
            throw new FingerprintFormatException("no fingerprint");
        }
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            throw new FingerprintFormatException("fingerprint has no space between hash function and value");
        }
        HashFunction function = HashFunction.named(trimmed.substring(0, space));
        String hex = trimmed.substring(space + 1).trim();
        int length = function.length;
        // Each byte is two hex digits, bytes are separated by one colon: 3n - 1 characters.
        if (hex.length() != 3 * length - 1) {
            throw new FingerprintFormatException(
                "a " + function.sdpName + " fingerprint has " + length + " bytes: " + value);
        }
        byte[] digest = new byte[length];
        for (int i = 0; i < length; i++) {
            int at = 3 * i;
            if (i > 0 && hex.charAt(at - 1) != ':') {
                throw new FingerprintFormatException("fingerprint bytes must be separated by ':': " + value);
            }
            int high = hexValue(hex.charAt(at));
            int low = hexValue(hex.charAt(at + 1));
            if (high < 0 || low < 0) {
                throw new FingerprintFormatException("fingerprint has a non-hex digit: " + value);
            }
            digest[i] = (byte) (high << 4 | low);
        }
        return new DtlsFingerprint(function, digest);
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would also take other scripts' digits). */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** The SDP hash function name, lowercase, e.g. "sha-256". */
    public String hashFunction() {
        return function.sdpName;
    }

    /** The digest length in bytes; a longer digest is a stronger hash function among those supported. */
    int strength() {
        return function.length;
    }

    /** A copy of the digest bytes. */
    public byte[] digest() {
        return digest.clone();
    }

    /** Whether this is the fingerprint of the given DER-encoded certificate (constant-time compare). */
    public boolean matches(byte[] derCertificate) {
        return MessageDigest.isEqual(digest, function.digest(derCertificate));
    }

    /** The attribute value as SDP writes it: {@code sha-256 AB:CD:…} (RFC 8122 §5). */
    public String toSdp() {
        StringBuilder out = new StringBuilder(function.sdpName.length() + 1 + 3 * digest.length);
        out.append(function.sdpName).append(' ');
        for (int i = 0; i < digest.length; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xF, 16)));
            out.append(Character.toUpperCase(Character.forDigit(digest[i] & 0xF, 16)));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DtlsFingerprint that && function == that.function
            && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return 31 * function.hashCode() + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return toSdp();
    }

    /**
     * The hash functions of the IANA "Hash Function Textual Names" registry that the JDK provides and
     * that are not broken beyond use for this purpose (md2 and md5 are refused).
     */
    private enum HashFunction {
        SHA_1("sha-1", "SHA-1", 20),
        SHA_224("sha-224", "SHA-224", 28),
        SHA_256("sha-256", "SHA-256", 32),
        SHA_384("sha-384", "SHA-384", 48),
        SHA_512("sha-512", "SHA-512", 64);

        final String sdpName;
        final String jdkName;
        final int length;

        HashFunction(String sdpName, String jdkName, int length) {
            this.sdpName = sdpName;
            this.jdkName = jdkName;
            this.length = length;
        }

        static HashFunction named(String name) throws FingerprintFormatException {
            String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            for (HashFunction function : values()) {
                if (function.sdpName.equals(lower)) {
                    return function;
                }
            }
            throw new FingerprintFormatException("unsupported fingerprint hash function '" + name + "'");
        }

        byte[] digest(byte[] data) {
            try {
                return MessageDigest.getInstance(jdkName).digest(data);
            } catch (NoSuchAlgorithmException e) {
                // The JDK's SUN provider has all of these (Java SE itself requires SHA-1 and SHA-256).
                throw new IllegalStateException(jdkName + " missing from this runtime", e);
            }
        }
    }
}
