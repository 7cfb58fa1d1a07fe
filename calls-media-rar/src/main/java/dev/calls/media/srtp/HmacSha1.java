package dev.calls.media.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA1 (RFC 2104) over the JDK's SHA-1 {@link MessageDigest}, writing into a reused buffer.
 * {@code javax.crypto.Mac.doFinal(byte[], int)} allocates the digest it then copies out on every
 * call; this computes the same function without a per-packet allocation.
 */
final class HmacSha1 {

    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] digest = new byte[LENGTH];

    /** @param key at most one SHA-1 block (64 bytes); SRTP's auth keys are 20 */
    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("HMAC keys longer than a SHA-1 block are not used by SRTP");
        }
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JCA algorithm", e);
        }
        Arrays.fill(innerPad, (byte) 0x36);
        Arrays.fill(outerPad, (byte) 0x5c);
        for (int i = 0; i < key.length; i++) {
            innerPad[i] ^= key[i];
            outerPad[i] ^= key[i];
        }
    }

    /** Starts a MAC; follow with {@code update} calls and one {@link #finish}. */
    void start() {
        sha1.update(innerPad);
    }

    void update(byte[] buf, int off, int len) {
        sha1.update(buf, off, len);
    }

    void updateInt(int value) {
        sha1.update((byte) (value >>> 24));
        sha1.update((byte) (value >>> 16));
        sha1.update((byte) (value >>> 8));
        sha1.update((byte) value);
    }

    /** The MAC, in a buffer this object reuses: read it before the next {@code finish}. */
    byte[] finish() {
        try {
            sha1.digest(digest, 0, LENGTH);
            sha1.update(outerPad);
            sha1.update(digest, 0, LENGTH);
            sha1.digest(digest, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("digest buffer holds a SHA-1 digest", e);
        }
        return digest;
    }

    /** Compares the first {@code len} MAC bytes with {@code buf[off, off + len)} in constant time. */
    static boolean matches(byte[] mac, byte[] buf, int off, int len) {
        int difference = 0;
        for (int i = 0; i < len; i++) {
            difference |= mac[i] ^ buf[off + i];
        }
        return difference == 0;
    }
}
