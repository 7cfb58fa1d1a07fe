package dev.calls.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpReceiverTest {

    private static final int PAYLOAD = 120;
    private static final int RTP_LENGTH = TestPackets.rtpLength(PAYLOAD);

    @Test
    void unprotectsLibsrtpsAesCmVectors() {
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.LIBSRTP_CM_KEY);

        assertUnprotectsRtp(receiver, SrtpSenderTest.LIBSRTP_CM_SRTP, SrtpSenderTest.LIBSRTP_RTP);
        assertUnprotectsRtcp(receiver, SrtpSenderTest.LIBSRTP_CM_SRTCP, SrtpSenderTest.LIBSRTP_RTCP);
    }

    @Test
    void unprotectsLibsrtpsGcmVectors() {
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.LIBSRTP_GCM_KEY);

        assertUnprotectsRtp(receiver, SrtpSenderTest.LIBSRTP_GCM_SRTP, SrtpSenderTest.LIBSRTP_RTP);
        assertUnprotectsRtcp(receiver, SrtpSenderTest.LIBSRTP_GCM_SRTCP, SrtpSenderTest.LIBSRTP_RTCP);
    }

    @Test
    void unprotectsTheVectorsOfRfc7714Sections16And17() {
        assertUnprotectsRtp(rfc7714Receiver(), AesGcmCipherTest.SRTP, AesGcmCipherTest.RTP);
        assertUnprotectsRtcp(rfc7714Receiver(), AesGcmCipherTest.SRTCP, AesGcmCipherTest.RTCP);
        assertUnprotectsRtcp(rfc7714Receiver(), AesGcmCipherTest.SRTCP_UNENCRYPTED, AesGcmCipherTest.RTCP);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripsRtpWithCsrcsAndHeaderExtension(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        for (int seq = 1000; seq < 1010; seq++) {
            byte[] buf = TestPackets.rtp(0x5EED, seq, PAYLOAD);
            byte[] plain = buf.clone();

            int length = receiver.unprotectRtp(buf, 0, sender.protectRtp(buf, 0, RTP_LENGTH));

            assertEquals(RTP_LENGTH, length);
            assertArrayEquals(Arrays.copyOf(plain, RTP_LENGTH), Arrays.copyOf(buf, RTP_LENGTH));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripsAtAnOffsetInsideALargerBuffer(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        byte[] packet = TestPackets.rtp(77, 5, PAYLOAD);
        byte[] buf = new byte[2048];
        System.arraycopy(packet, 0, buf, 100, RTP_LENGTH);

        int length = receiver.unprotectRtp(buf, 100, sender.protectRtp(buf, 100, RTP_LENGTH));

        assertEquals(RTP_LENGTH, length);
        assertArrayEquals(Arrays.copyOf(packet, RTP_LENGTH), Arrays.copyOfRange(buf, 100, 100 + RTP_LENGTH));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripsCompoundRtcp(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        for (int i = 0; i < 3; i++) {
            byte[] buf = TestPackets.rtcp(0xABCDEF01);
            byte[] plain = buf.clone();

            int protectedLength = sender.protectRtcp(buf, 0, TestPackets.RTCP_LENGTH);
            assertFalse(Arrays.equals(plain, 8, TestPackets.RTCP_LENGTH, buf, 8, TestPackets.RTCP_LENGTH));
            int length = receiver.unprotectRtcp(buf, 0, protectedLength);

            assertEquals(TestPackets.RTCP_LENGTH, length);
            assertArrayEquals(Arrays.copyOf(plain, length), Arrays.copyOf(buf, length));
        }
    }

    /** RFC 3711 §3.3.1: the receiver follows SEQ across 65535 → 0 and keeps accepting. */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void followsTheRolloverCounterAcrossTheSequenceWrap(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        int seq = 65530;
        for (int i = 0; i < 12; i++, seq = seq + 1 & 0xFFFF) {
            byte[] buf = TestPackets.rtp(42, seq, PAYLOAD);
            assertEquals(RTP_LENGTH, receiver.unprotectRtp(buf, 0, sender.protectRtp(buf, 0, RTP_LENGTH)),
                    "seq " + seq);
        }
        // A packet from before the wrap, reordered behind the wrap, still authenticates with ROC 0.
        byte[] late = TestPackets.rtp(42, 65529, PAYLOAD);
        int lateLength = new SrtpSender(SrtpSenderTest.key(profile)).protectRtp(late, 0, RTP_LENGTH);
        assertEquals(RTP_LENGTH, receiver.unprotectRtp(late, 0, lateLength));
        assertEquals(0, receiver.authFailures());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rejectsAndCountsAReplayedRtpPacket(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        byte[] buf = TestPackets.rtp(42, 10, PAYLOAD);
        int length = sender.protectRtp(buf, 0, RTP_LENGTH);
        byte[] copy = buf.clone();

        assertEquals(RTP_LENGTH, receiver.unprotectRtp(buf, 0, length));
        assertEquals(SrtpStatus.REPLAYED, receiver.unprotectRtp(copy, 0, length));
        assertEquals(1, receiver.replays());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void acceptsReorderedPacketsInsideTheWindowAndRefusesOlderOnes(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        byte[][] packets = new byte[ReplayWindow.SIZE + 2][];
        int[] lengths = new int[packets.length];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = TestPackets.rtp(42, 2000 + i, 16);
            lengths[i] = sender.protectRtp(packets[i], 0, TestPackets.rtpLength(16));
        }
        assertEquals(TestPackets.rtpLength(16), receiver.unprotectRtp(packets[0], 0, lengths[0]));
        int newest = packets.length - 1;
        assertEquals(TestPackets.rtpLength(16), receiver.unprotectRtp(packets[newest], 0, lengths[newest]));

        assertEquals(TestPackets.rtpLength(16), receiver.unprotectRtp(packets[2], 0, lengths[2]), "in window");
        assertEquals(SrtpStatus.REPLAYED, receiver.unprotectRtp(packets[1], 0, lengths[1]), "fell out of window");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rejectsAndCountsAReplayedRtcpPacket(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        byte[] buf = TestPackets.rtcp(5);
        int length = sender.protectRtcp(buf, 0, TestPackets.RTCP_LENGTH);
        byte[] copy = buf.clone();

        assertEquals(TestPackets.RTCP_LENGTH, receiver.unprotectRtcp(buf, 0, length));
        assertEquals(SrtpStatus.REPLAYED, receiver.unprotectRtcp(copy, 0, length));
        assertEquals(1, receiver.replays());
    }

    /** Every single-bit flip anywhere in the packet, tag included, must fail authentication. */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rejectsAndCountsEveryFlippedBitThenStillAcceptsTheGenuinePacket(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        byte[] genuine = TestPackets.rtp(42, 10, 20);
        int length = sender.protectRtp(genuine, 0, TestPackets.rtpLength(20));
        int flips = 0;
        for (int bit = 0; bit < length * 8; bit++) {
            byte[] forged = genuine.clone();
            forged[bit / 8] ^= (byte) (1 << bit % 8);
            int result = receiver.unprotectRtp(forged, 0, length);
            if (result != SrtpStatus.MALFORMED) {
                assertEquals(SrtpStatus.AUTH_FAILED, result, "bit " + bit);
                flips++;
            }
        }

        assertEquals(flips, receiver.authFailures());
        assertEquals(TestPackets.rtpLength(20), receiver.unprotectRtp(genuine, 0, length));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rejectsAndCountsAFlippedBitInSrtcp(SrtpProfile profile) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        byte[] buf = TestPackets.rtcp(5);
        int length = sender.protectRtcp(buf, 0, TestPackets.RTCP_LENGTH);
        byte[] forged = buf.clone();
        forged[20] ^= 0x10;

        assertEquals(SrtpStatus.AUTH_FAILED, receiver.unprotectRtcp(forged, 0, length));
        assertEquals(1, receiver.authFailures());
        assertEquals(TestPackets.RTCP_LENGTH, receiver.unprotectRtcp(buf, 0, length));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rejectsAndCountsMalformedPackets(SrtpProfile profile) {
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        byte[] extensionPastTheEnd = TestPackets.rtp(1, 1, 0);
        extensionPastTheEnd[22] = 0x7F;

        assertEquals(SrtpStatus.MALFORMED, receiver.unprotectRtp(new byte[11], 0, 11));
        assertEquals(SrtpStatus.MALFORMED, receiver.unprotectRtp(extensionPastTheEnd, 0, extensionPastTheEnd.length));
        assertEquals(SrtpStatus.MALFORMED, receiver.unprotectRtp(TestPackets.rtp(1, 1, 0), 0, 32 + 9));
        assertEquals(SrtpStatus.MALFORMED, receiver.unprotectRtcp(TestPackets.rtcp(1), 0, 8 + 13));
        assertEquals(SrtpStatus.MALFORMED, receiver.unprotectRtcp(new byte[40], 0, 40), "version 0");
        assertEquals(5, receiver.malformed());
        assertEquals(0, receiver.authFailures());
    }

    /** Forged packets never create SSRC state; only authenticated ones count against the limit. */
    @Test
    void tracksAtMostMaxStreamsAuthenticatedSsrcs() {
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        SrtpReceiver receiver = new SrtpReceiver(SrtpSenderTest.key(profile));
        SrtpSender forger = new SrtpSender(new SrtpMasterKey(profile, new byte[16], new byte[14]));
        int length = TestPackets.rtpLength(0);
        for (int ssrc = 1; ssrc < SrtpReceiver.MAX_STREAMS; ssrc++) {
            byte[] buf = TestPackets.rtp(ssrc, 1, 0);
            assertEquals(length, receiver.unprotectRtp(buf, 0, sender.protectRtp(buf, 0, length)));
        }
        byte[] forged = TestPackets.rtp(-1, 1, 0);
        assertEquals(SrtpStatus.AUTH_FAILED, receiver.unprotectRtp(forged, 0, forger.protectRtp(forged, 0, length)));

        byte[] last = TestPackets.rtp(-2, 1, 0);
        assertEquals(length, receiver.unprotectRtp(last, 0, sender.protectRtp(last, 0, length)));
        byte[] beyond = TestPackets.rtp(-3, 1, 0);
        int beyondLength = sender.protectRtp(beyond, 0, length);
        byte[] beyondCopy = beyond.clone();
        assertEquals(SrtpStatus.TOO_MANY_STREAMS, receiver.unprotectRtp(beyond, 0, beyondLength));
        assertEquals(1, receiver.tooManyStreams());

        receiver.forget(1);
        assertEquals(length, receiver.unprotectRtp(beyondCopy, 0, beyondLength));
    }

    private static SrtpReceiver rfc7714Receiver() {
        return new SrtpReceiver(SrtpProfile.AEAD_AES_128_GCM, AesGcmCipherTest.rfc7714Cipher());
    }

    private static void assertUnprotectsRtp(SrtpReceiver receiver, byte[] srtp, byte[] rtp) {
        byte[] buf = srtp.clone();

        assertEquals(rtp.length, receiver.unprotectRtp(buf, 0, buf.length));
        assertArrayEquals(rtp, Arrays.copyOf(buf, rtp.length));
    }

    private static void assertUnprotectsRtcp(SrtpReceiver receiver, byte[] srtcp, byte[] rtcp) {
        byte[] buf = srtcp.clone();

        assertEquals(rtcp.length, receiver.unprotectRtcp(buf, 0, buf.length));
        assertArrayEquals(rtcp, Arrays.copyOf(buf, rtcp.length));
    }
}
