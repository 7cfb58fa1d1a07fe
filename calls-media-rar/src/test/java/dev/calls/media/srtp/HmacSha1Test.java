package dev.calls.media.srtp;

import static dev.calls.media.srtp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha1Test {

    /** RFC 2202 §3, test case 1. */
    @Test
    void matchesRfc2202TestCase1() {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        assertArrayEquals(bytes("b617318655057264e28bc0b6fb378c8ef146be00"), mac(key, "Hi There"));
    }

    /** RFC 2202 §3, test case 2. */
    @Test
    void matchesRfc2202TestCase2() {
        assertArrayEquals(bytes("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
                mac("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?"));
    }

    @Test
    void agreesWithTheJceMacOverPacketsAndTheRolloverCounter() throws GeneralSecurityException {
        Random random = new Random(7);
        byte[] key = new byte[20];
        random.nextBytes(key);
        HmacSha1 hmac = new HmacSha1(key);
        Mac reference = Mac.getInstance("HmacSHA1");
        reference.init(new SecretKeySpec(key, "HmacSHA1"));
        for (int length = 0; length < 300; length += 7) {
            byte[] packet = new byte[length];
            random.nextBytes(packet);
            int roc = random.nextInt();

            hmac.start();
            hmac.update(packet, 0, length);
            hmac.updateInt(roc);
            reference.update(packet);
            reference.update(new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8), (byte) roc});

            assertArrayEquals(reference.doFinal(), hmac.finish(), "length " + length);
        }
    }

    @Test
    void comparesOnlyTheTruncatedTag() {
        byte[] mac = bytes("00112233445566778899aabbccddeeff01234567");
        byte[] packet = bytes("ffff00112233445566778899");

        assertTrue(HmacSha1.matches(mac, packet, 2, 10));
        packet[11] ^= 1;
        assertFalse(HmacSha1.matches(mac, packet, 2, 10));
    }

    private static byte[] mac(byte[] key, String data) {
        byte[] message = data.getBytes(StandardCharsets.US_ASCII);
        HmacSha1 hmac = new HmacSha1(key);
        hmac.start();
        hmac.update(message, 0, message.length);
        return hmac.finish().clone();
    }
}
