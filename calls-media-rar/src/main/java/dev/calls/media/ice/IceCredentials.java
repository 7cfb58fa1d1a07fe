package dev.calls.media.ice;

import java.security.SecureRandom;

/**
 * An ICE username fragment and password, written with ice-chars (ALPHA / DIGIT / "+" / "/"), the ufrag 4-256
 * and the password 22-256 characters long (RFC 8839 §5.4): ours, generated with at least 24 bits of
 * randomness in the ufrag and 128 in the password (RFC 8445 §5.3), or a client's, checked on the way in.
 */
public record IceCredentials(String ufrag, String password) {
    /** 8 ice-chars: 48 random bits. */
    public static final int UFRAG_LENGTH = 8;
    /** 24 ice-chars: 144 random bits. */
    public static final int PASSWORD_LENGTH = 24;

    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    public IceCredentials {
        requireIceChars(ufrag, 4, "ufrag");
        requireIceChars(password, 22, "password");
    }

    /** Fresh random credentials, e.g. for a new session or an ICE restart. */
    public static IceCredentials generate(SecureRandom random) {
        return new IceCredentials(randomIceChars(random, UFRAG_LENGTH), randomIceChars(random, PASSWORD_LENGTH));
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + "]";
    }

    private static String randomIceChars(SecureRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            // 64 symbols: nextInt(64) is uniform, so every character carries 6 bits.
            chars[i] = ICE_CHARS[random.nextInt(ICE_CHARS.length)];
        }
        return new String(chars);
    }

    private static void requireIceChars(String value, int minLength, String what) {
        if (value.length() < minLength || value.length() > 256) {
            throw new IllegalArgumentException("ICE " + what + " must have " + minLength + "-256 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean iceChar = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '+' || c == '/';
            if (!iceChar) {
                throw new IllegalArgumentException("ICE " + what + " may hold only ice-chars");
            }
        }
    }
}
