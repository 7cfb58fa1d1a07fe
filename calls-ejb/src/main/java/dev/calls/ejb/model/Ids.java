package dev.calls.ejb.model;

import java.security.SecureRandom;

/**
 * Identifiers in the contract's form: 26 lowercase base32 characters (RFC 4648 alphabet) carrying
 * 128 random bits, like Mattermost's ids. The same generator makes auth tokens, so it must be a CSPRNG.
 */
public final class Ids {

    public static final int LENGTH = 26;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        // 128 bits leave 3 over: pad them on the right into the 26th character.
        out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        return out.toString();
    }

    /** Whether {@code value} has the shape of an id; says nothing about whether it exists. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }
}
