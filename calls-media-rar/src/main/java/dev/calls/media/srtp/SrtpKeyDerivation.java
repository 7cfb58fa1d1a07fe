package dev.calls.media.srtp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function with the AES-CM PRF (RFC 3711 §4.3.1 and §4.3.3), for a key
 * derivation rate of 0, which is what DTLS-SRTP uses: each session key is derived once.
 */
final class SrtpKeyDerivation {

    /** Labels of RFC 3711 §4.3.1 (SRTP) and §4.3.2 (SRTCP). */
    static final int RTP_ENCRYPTION = 0x00;
    static final int RTP_AUTHENTICATION = 0x01;
    static final int RTP_SALT = 0x02;
    static final int RTCP_ENCRYPTION = 0x03;
    static final int RTCP_AUTHENTICATION = 0x04;
    static final int RTCP_SALT = 0x05;

    /** With kdr = 0, "r" is 0 and key_id is the label alone, in the eighth byte of x. */
    private static final int LABEL_POSITION = 7;

    private SrtpKeyDerivation() {
    }

    /**
     * Derives {@code length} bytes for {@code label}. The PRF input block is x * 2^16 with x the
     * 112-bit master salt XOR key_id. A 12-byte AEAD master salt (RFC 7714 §11) fills the first 12
     * bytes of x and the last two stay zero: the same reading libsrtp, and so browsers,
     * use, which is what makes the keys agree on the wire.
     */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        byte[] block = new byte[16];
        System.arraycopy(masterSalt, 0, block, 0, masterSalt.length);
        block[LABEL_POSITION] ^= (byte) label;
        byte[] out = new byte[(length + 15) & ~15];
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            for (int counter = 0; counter * 16 < out.length; counter++) {
                block[14] = (byte) (counter >>> 8);
                block[15] = (byte) counter;
                aes.doFinal(block, 0, 16, out, counter * 16);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is a required JCE algorithm", e);
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }
}
