package dev.calls.media.srtp;

import static dev.calls.media.srtp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * RFC 7714 §16.1 and §17.1 (AEAD_AES_128_GCM), whose session key and salt are given directly: the
 * key 00 01 ... 0f and the salt "Quid pro quo".
 */
class AesGcmCipherTest {

    private static final SrtpSessionKeys KEYS = new SrtpSessionKeys(
            bytes("000102030405060708090a0b0c0d0e0f"), new byte[0], bytes("517569642070726f2071756f"));

    static final byte[] RTP = bytes("""
            8040f17b 8041f8d3 5501a0b2 47616c6c
            69612065 7374206f 6d6e6973 20646976
            69736120 696e2070 61727465 73207472
            6573""");
    static final byte[] SRTP = bytes("""
            8040f17b 8041f8d3 5501a0b2 f24de3a3
            fb34de6c acba861c 9d7e4bca be633bd5
            0d294e6f 42a5f47a 51c7d19b 36de3adf
            8833899d 7f27beb1 6a9152cf 765ee439
            0cce""");
    static final byte[] RTCP = bytes("""
            81c8000d 4d617273 4e545031 4e545032
            52545020 0000042a 0000e930 4c756e61
            deadbeef deadbeef deadbeef deadbeef
            deadbeef""");
    static final byte[] SRTCP = bytes("""
            81c8000d 4d617273 63e94885 dcdab67c
            a727d766 2f6b7e99 7ff5c0f7 6c06f32d
            c676a5f1 730d6fda 4ce09b46 86303ded
            0bb9275b c84aa458 96cf4d2f c5abf872
            45d9eade 800005d4""");
    /** §17.3: the same RTCP packet authenticated only, E-bit clear. */
    static final byte[] SRTCP_UNENCRYPTED = bytes("""
            81c8000d 4d617273 4e545031 4e545032
            52545020 0000042a 0000e930 4c756e61
            deadbeef deadbeef deadbeef deadbeef
            deadbeef 841dd968 3dd78ec9 2ae58790
            125f62b3 000005d4""");
    private static final int RTP_SSRC = 0x5501a0b2;
    private static final long RTP_INDEX = 0xf17b;
    private static final int RTCP_SSRC = 0x4d617273;
    private static final int RTCP_INDEX = 0x5d4;

    static AesGcmCipher rfc7714Cipher() {
        return new AesGcmCipher(KEYS, KEYS);
    }

    @Test
    void protectsTheRtpPacketOfRfc7714Section16_1_1() {
        byte[] buf = Arrays.copyOf(RTP, SRTP.length);

        int length = rfc7714Cipher().protectRtp(buf, 0, RTP.length, 12, RTP_SSRC, RTP_INDEX);

        assertEquals(SRTP.length, length);
        assertArrayEquals(SRTP, buf);
    }

    @Test
    void unprotectsTheRtpPacketOfRfc7714Section16_1_2() {
        byte[] buf = SRTP.clone();

        int length = rfc7714Cipher().unprotectRtp(buf, 0, buf.length, 12, RTP_SSRC, RTP_INDEX);

        assertEquals(RTP.length, length);
        assertArrayEquals(RTP, Arrays.copyOf(buf, length));
    }

    @Test
    void protectsTheRtcpPacketOfRfc7714Section17_1_1() {
        byte[] buf = Arrays.copyOf(RTCP, SRTCP.length);

        int length = rfc7714Cipher().protectRtcp(buf, 0, RTCP.length, RTCP_SSRC, RTCP_INDEX);

        assertEquals(SRTCP.length, length);
        assertArrayEquals(SRTCP, buf);
    }

    @Test
    void unprotectsTheRtcpPacketOfRfc7714Section17_1_2() {
        byte[] buf = SRTCP.clone();

        int length = rfc7714Cipher().unprotectRtcp(buf, 0, buf.length, RTCP_SSRC, RTCP_INDEX, true);

        assertEquals(RTCP.length, length);
        assertArrayEquals(RTCP, Arrays.copyOf(buf, length));
    }

    @Test
    void verifiesTheUnencryptedRtcpPacketOfRfc7714Section17_1_4() {
        byte[] buf = SRTCP_UNENCRYPTED.clone();

        int length = rfc7714Cipher().unprotectRtcp(buf, 0, buf.length, RTCP_SSRC, RTCP_INDEX, false);

        assertEquals(RTCP.length, length);
        assertArrayEquals(RTCP, Arrays.copyOf(buf, length));
    }

    @Test
    void rejectsAWrongIndexOrAFlippedBit() {
        AesGcmCipher cipher = rfc7714Cipher();
        byte[] flipped = SRTP.clone();
        flipped[20] ^= 0x01;

        assertEquals(SrtpStatus.AUTH_FAILED, cipher.unprotectRtp(flipped, 0, flipped.length, 12, RTP_SSRC, RTP_INDEX));
        assertEquals(SrtpStatus.AUTH_FAILED,
                cipher.unprotectRtp(SRTP.clone(), 0, SRTP.length, 12, RTP_SSRC, RTP_INDEX | 1L << 16));
        assertEquals(SrtpStatus.AUTH_FAILED,
                cipher.unprotectRtcp(SRTCP.clone(), 0, SRTCP.length, RTCP_SSRC, RTCP_INDEX + 1, true));
    }

    @Test
    void refusesToEncryptTwiceInARowUnderTheSameIv() {
        AesGcmCipher cipher = rfc7714Cipher();
        byte[] first = Arrays.copyOf(RTP, SRTP.length);
        byte[] again = Arrays.copyOf(RTP, SRTP.length);

        cipher.protectRtp(first, 0, RTP.length, 12, RTP_SSRC, RTP_INDEX);

        assertEquals(SrtpStatus.REPLAYED, cipher.protectRtp(again, 0, RTP.length, 12, RTP_SSRC, RTP_INDEX));
        assertArrayEquals(Arrays.copyOf(RTP, SRTP.length), again, "refused packet left as it was");
    }
}
