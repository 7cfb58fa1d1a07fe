package dev.calls.media.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in SRTP's counter mode (RFC 3711 §4.1.1) with a session key and 112-bit session salt.
 *
 * <p>The keystream comes from an AES/ECB cipher run over counter blocks we lay out ourselves: that
 * cipher is initialised once, so a packet costs no {@code Cipher.init} and no allocation, where
 * re-initialising an AES/CTR cipher with each packet's IV allocates a parameter spec and copies of
 * key and IV every time. The keystream lands at the same array positions as the payload it covers,
 * which lets the JIT vectorise the XOR loop.
 */
final class AesCounterMode {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int BLOCK = 16;
    private static final int INITIAL_BUFFER = 2048;

    private final Cipher aes;
    /** Salt bytes 0-7 of the IV. */
    private final long saltHigh;
    /** Salt bytes 8-13 of the IV; bytes 14-15, the block counter, are zero. */
    private final long saltLow;
    private byte[] counterBlocks = new byte[INITIAL_BUFFER];
    private byte[] keystream = new byte[INITIAL_BUFFER];

    AesCounterMode(byte[] sessionKey, byte[] sessionSalt) {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is a required JCE algorithm", e);
        }
        byte[] iv = new byte[BLOCK];
        System.arraycopy(sessionSalt, 0, iv, 0, sessionSalt.length);
        saltHigh = (long) LONGS.get(iv, 0);
        saltLow = (long) LONGS.get(iv, 8);
    }

    /**
     * XORs the keystream for packet {@code index} of {@code ssrc} onto {@code buf[from, to)}, which
     * encrypts and decrypts alike. IV = salt * 2^16 XOR SSRC * 2^64 XOR index * 2^16; the block
     * counter in the low 16 bits covers up to 1 MiB, and callers pass at most a UDP datagram.
     */
    void apply(byte[] buf, int from, int to, int ssrc, long index) {
        int blocks = (to - from + BLOCK - 1) / BLOCK;
        int length = blocks * BLOCK;
        if (counterBlocks.length < length) {
            counterBlocks = new byte[length];
        }
        if (keystream.length < from + length) {
            keystream = new byte[from + length];
        }
        long high = saltHigh ^ (ssrc & 0xFFFF_FFFFL);
        long low = saltLow ^ (index << 16);
        for (int block = 0; block < blocks; block++) {
            LONGS.set(counterBlocks, block * BLOCK, high);
            LONGS.set(counterBlocks, block * BLOCK + 8, low | block);
        }
        try {
            aes.update(counterBlocks, 0, length, keystream, from);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keystream buffer was sized for this packet", e);
        }
        for (int i = from; i < to; i++) {
            buf[i] ^= keystream[i];
        }
    }
}
