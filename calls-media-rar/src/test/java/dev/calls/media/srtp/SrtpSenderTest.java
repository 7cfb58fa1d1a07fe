package dev.calls.media.srtp;

import static dev.calls.media.srtp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSenderTest {

    /** libsrtp's test key: the RFC 3711 B.3 master key and salt. */
    static final SrtpMasterKey LIBSRTP_CM_KEY = new SrtpMasterKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
            bytes("e1f97a0d3e018be0d64fa32c06de4139"), bytes("0ec675ad498afeebb6960b3aabe6"));
    /** libsrtp's GCM test key, whose 12-byte salt exercises the KDF's salt padding. */
    static final SrtpMasterKey LIBSRTP_GCM_KEY = new SrtpMasterKey(SrtpProfile.AEAD_AES_128_GCM,
            bytes("000102030405060708090a0b0c0d0e0f"), bytes("a0a1a2a3a4a5a6a7a8a9aaab"));
    static final byte[] LIBSRTP_RTP = bytes("800f1234decafbadcafebabe abababababababababababababababab");
    static final byte[] LIBSRTP_RTCP = bytes("81c8000bcafebabe abababababababababababababababab");
    static final byte[] LIBSRTP_CM_SRTP = bytes("""
            800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402 b78d6acc99ea179b8dbb""");
    static final byte[] LIBSRTP_CM_SRTCP = bytes("""
            81c8000bcafebabe 7128035be487b9bdbef89041f977a5a8 80000001 993e08cd54d6c1230798""");
    static final byte[] LIBSRTP_GCM_SRTP = bytes("""
            800f1234decafbadcafebabe c5002ede04cfdd2eb91159e0880aa06e
            d2976826f796b201df3131a127e8a392""");
    static final byte[] LIBSRTP_GCM_SRTCP = bytes("""
            81c8000bcafebabe c98b8b5df0392a55852b6c21ac8e7025
            c52c6fbea2b3b446ea31123ba88ce61e 80000001""");

    /** Cross-check with libsrtp's srtp_validate(): master key through KDF to the wire bytes. */
    @Test
    void protectsLibsrtpsAesCmRtpVector() {
        assertProtectsRtp(new SrtpSender(LIBSRTP_CM_KEY), LIBSRTP_RTP, LIBSRTP_CM_SRTP);
    }

    /** libsrtp numbers its first SRTCP packet 1 where RFC 3711 §3.4 starts at 0, hence the explicit index. */
    @Test
    void protectsLibsrtpsAesCmRtcpVector() {
        assertProtectsRtcp(SrtpCipher.create(LIBSRTP_CM_KEY), LIBSRTP_RTCP, LIBSRTP_CM_SRTCP);
    }

    /** Cross-check with libsrtp's srtp_validate_gcm(). */
    @Test
    void protectsLibsrtpsGcmRtpVector() {
        assertProtectsRtp(new SrtpSender(LIBSRTP_GCM_KEY), LIBSRTP_RTP, LIBSRTP_GCM_SRTP);
    }

    @Test
    void protectsLibsrtpsGcmRtcpVector() {
        assertProtectsRtcp(SrtpCipher.create(LIBSRTP_GCM_KEY), LIBSRTP_RTCP, LIBSRTP_GCM_SRTCP);
    }

    @Test
    void protectsTheRtpPacketOfRfc7714Section16_1_1() {
        SrtpSender sender = new SrtpSender(SrtpProfile.AEAD_AES_128_GCM, AesGcmCipherTest.rfc7714Cipher());
        assertProtectsRtp(sender, AesGcmCipherTest.RTP, AesGcmCipherTest.SRTP);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void leavesHeaderCsrcsAndExtensionInTheClearAndAppendsTheTag(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(key(profile));
        byte[] buf = TestPackets.rtp(0x01020304, 7, 100);
        byte[] plain = buf.clone();
        int rtpLength = TestPackets.rtpLength(100);

        int length = sender.protectRtp(buf, 0, rtpLength);

        assertEquals(rtpLength + profile.rtpExpansion(), length);
        assertArrayEquals(Arrays.copyOf(plain, 32), Arrays.copyOf(buf, 32));
        assertFalse(Arrays.equals(plain, 32, rtpLength, buf, 32, rtpLength), "payload encrypted");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void numbersSrtcpPacketsFromZeroPerSsrcWithTheEncryptedBitSet(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(key(profile));
        int length = 0;
        for (int expectedIndex = 0; expectedIndex < 3; expectedIndex++) {
            byte[] buf = TestPackets.rtcp(0xAABBCCDD);
            length = sender.protectRtcp(buf, 0, TestPackets.RTCP_LENGTH);
            assertEquals(0x8000_0000 | expectedIndex, SrtpPacket.readInt(buf, profile.srtcpIndexOffset(length)));
        }
        assertEquals(TestPackets.RTCP_LENGTH + profile.rtcpExpansion(), length);
        byte[] other = TestPackets.rtcp(0x11111111);
        sender.protectRtcp(other, 0, TestPackets.RTCP_LENGTH);
        assertEquals(0x8000_0000, SrtpPacket.readInt(other, profile.srtcpIndexOffset(length)));
    }

    /** RFC 3711 §3.3.1: after SEQ 65535 the sender's ROC becomes 1. */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void advancesTheRolloverCounterWhenTheSequenceNumberWraps(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(key(profile));
        SrtpCipher reference = SrtpCipher.create(key(profile));
        int rtpLength = TestPackets.rtpLength(50);
        sender.protectRtp(TestPackets.rtp(9, 65535, 50), 0, rtpLength);

        byte[] wrapped = TestPackets.rtp(9, 2, 50);
        byte[] expected = wrapped.clone();
        sender.protectRtp(wrapped, 0, rtpLength);
        reference.protectRtp(expected, 0, rtpLength, 32, 9, 1L << 16 | 2);

        assertArrayEquals(expected, wrapped);
    }

    /** A retransmission of a packet sent before the wrap keeps ROC 0 (RFC 3711 Appendix A). */
    @Test
    void protectsAPacketFromBeforeTheWrapWithTheOldRolloverCounter() {
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        SrtpSender sender = new SrtpSender(key(profile));
        SrtpCipher reference = SrtpCipher.create(key(profile));
        int rtpLength = TestPackets.rtpLength(50);
        sender.protectRtp(TestPackets.rtp(9, 65535, 50), 0, rtpLength);
        sender.protectRtp(TestPackets.rtp(9, 1, 50), 0, rtpLength);

        byte[] late = TestPackets.rtp(9, 65534, 50);
        byte[] expected = late.clone();
        sender.protectRtp(late, 0, rtpLength);
        reference.protectRtp(expected, 0, rtpLength, 32, 9, 65534);

        assertArrayEquals(expected, late);
    }

    @Test
    void refusesASequenceNumberFromBeforeTheStreamsFirstPacket() {
        SrtpSender sender = new SrtpSender(key(SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        int rtpLength = TestPackets.rtpLength(10);
        sender.protectRtp(TestPackets.rtp(9, 100, 10), 0, rtpLength);

        assertEquals(SrtpStatus.REPLAYED, sender.protectRtp(TestPackets.rtp(9, 40000, 10), 0, rtpLength));
    }

    @Test
    void refusesGcmProtectionOfTheSamePacketTwiceInARow() {
        SrtpSender sender = new SrtpSender(key(SrtpProfile.AEAD_AES_128_GCM));
        int rtpLength = TestPackets.rtpLength(10);
        sender.protectRtp(TestPackets.rtp(9, 100, 10), 0, rtpLength);

        assertEquals(SrtpStatus.REPLAYED, sender.protectRtp(TestPackets.rtp(9, 100, 10), 0, rtpLength));
    }

    @Test
    void refusesPacketsThatAreNotRtpOrRtcp() {
        SrtpSender sender = new SrtpSender(key(SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        byte[] versionOne = TestPackets.rtp(9, 1, 10);
        versionOne[0] = 0x40;

        assertEquals(SrtpStatus.MALFORMED, sender.protectRtp(versionOne, 0, TestPackets.rtpLength(10)));
        assertEquals(SrtpStatus.MALFORMED, sender.protectRtp(new byte[40], 0, 11));
        assertEquals(SrtpStatus.MALFORMED, sender.protectRtcp(new byte[40], 0, 7));
    }

    @Test
    void requiresRoomForTheTagAfterThePacket() {
        SrtpSender sender = new SrtpSender(key(SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        byte[] exact = Arrays.copyOf(TestPackets.rtp(9, 1, 10), TestPackets.rtpLength(10));

        assertThrows(IndexOutOfBoundsException.class, () -> sender.protectRtp(exact, 0, exact.length));
    }

    static SrtpMasterKey key(SrtpProfile profile) {
        return profile == SrtpProfile.AEAD_AES_128_GCM ? LIBSRTP_GCM_KEY : LIBSRTP_CM_KEY;
    }

    private static void assertProtectsRtp(SrtpSender sender, byte[] rtp, byte[] srtp) {
        byte[] buf = Arrays.copyOf(rtp, srtp.length);

        assertEquals(srtp.length, sender.protectRtp(buf, 0, rtp.length));
        assertArrayEquals(srtp, buf);
    }

    private static void assertProtectsRtcp(SrtpCipher cipher, byte[] rtcp, byte[] srtcp) {
        byte[] buf = Arrays.copyOf(rtcp, srtcp.length);

        assertEquals(srtcp.length, cipher.protectRtcp(buf, 0, rtcp.length, SrtpPacket.rtcpSenderSsrc(rtcp, 0), 1));
        assertArrayEquals(srtcp, buf);
    }
}
