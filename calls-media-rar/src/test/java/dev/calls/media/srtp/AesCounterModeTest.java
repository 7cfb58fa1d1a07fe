package dev.calls.media.srtp;

import static dev.calls.media.srtp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesCounterModeTest {

    private static final byte[] KEY = bytes("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final byte[] SALT = bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");

    /** RFC 3711 Appendix B.2: the whole 65282-block segment, checked at both ends. */
    @Test
    void producesTheKeystreamOfRfc3711AppendixB2() {
        byte[] keystream = new byte[1_044_512];
        new AesCounterMode(KEY, SALT).apply(keystream, 0, keystream.length, 0, 0);

        assertArrayEquals(bytes("""
                E03EAD0935C95E80E166B16DD92B4EB4
                D23513162B02D0F72A43A2FE4A5F97AB
                41E95B3BB0A2E8DD477901E4FCA894C0"""), Arrays.copyOf(keystream, 48));
        assertArrayEquals(bytes("""
                EC8CDF7398607CB0F2D21675EA9EA1E4
                362B7C3C6773516318A077D7FC5073AE
                6A2CC3787889374FBEB4C81B17BA6C44"""),
                Arrays.copyOfRange(keystream, keystream.length - 48, keystream.length));
    }

    @Test
    void keystreamDoesNotDependOnWhereThePayloadSitsInTheBuffer() {
        AesCounterMode cipher = new AesCounterMode(KEY, SALT);
        byte[] atStart = new byte[37];
        byte[] inside = new byte[3000];
        cipher.apply(atStart, 0, 37, 0x12345678, 0x1_0002L);
        cipher.apply(inside, 2900, 2937, 0x12345678, 0x1_0002L);

        assertArrayEquals(atStart, Arrays.copyOfRange(inside, 2900, 2937));
        assertArrayEquals(new byte[2900], Arrays.copyOf(inside, 2900), "bytes before the range untouched");
    }

    @Test
    void ssrcAndIndexEnterTheIvAsRfc3711Section411Says() {
        AesCounterMode cipher = new AesCounterMode(KEY, SALT);
        byte[] keystream = new byte[16];
        cipher.apply(keystream, 0, 16, 0x01020304, 0x0A0B_0C0D_0E0FL);

        // IV = salt * 2^16 XOR SSRC * 2^64 XOR index * 2^16, encrypted as one block.
        byte[] iv = bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        byte[] ssrcAndIndex = bytes("00000000010203040A0B0C0D0E0F0000");
        for (int i = 0; i < 16; i++) {
            iv[i] ^= ssrcAndIndex[i];
        }
        assertArrayEquals(aesBlock(iv), keystream);
    }

    @Test
    void applyingTwiceRestoresThePlaintext() {
        byte[] plain = new byte[1200];
        new Random(1).nextBytes(plain);
        byte[] buf = plain.clone();
        AesCounterMode cipher = new AesCounterMode(KEY, SALT);

        cipher.apply(buf, 12, 1200, 7, 99);
        cipher.apply(buf, 12, 1200, 7, 99);

        assertArrayEquals(plain, buf);
    }

    private static byte[] aesBlock(byte[] block) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"));
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
