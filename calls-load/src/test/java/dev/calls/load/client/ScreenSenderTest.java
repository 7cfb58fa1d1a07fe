package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.rtp.GenericNack;
import dev.calls.media.rtp.PictureLossIndication;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.srtp.SrtpMasterKey;
import dev.calls.media.srtp.SrtpProfile;
import dev.calls.media.srtp.SrtpReceiver;
import dev.calls.media.srtp.SrtpSender;

class ScreenSenderTest {

    private static final int SSRC = 0x5C4EE;
    private static final SrtpMasterKey KEY = new SrtpMasterKey(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[12]);
    private static final MediaShape SHAPE = MediaShape.defaults();
    private static final int FRAME_BYTES = SHAPE.screenBitrate() / 8 / SHAPE.screenFps();
    private static final int FRAME_PACKETS = packets(FRAME_BYTES);
    private static final int KEYFRAME_PACKETS = packets(ScreenSender.KEYFRAME_SIZE * FRAME_BYTES);

    private final List<byte[]> originals = new ArrayList<>();
    private final List<byte[]> repeats = new ArrayList<>();
    private final ScreenSender sender = new ScreenSender(
            new RtpWriter(SSRC, ClientOffer.VP8_PAYLOAD_TYPE, ClientOffer.SCREEN_MID, false, 65530), SSRC, 0, SHAPE,
            new SrtpSender(KEY), new Object(),
            (buf, off, len, repeat) -> (repeat ? repeats : originals).add(Arrays.copyOfRange(buf, off, off + len)),
            1, new ClientStats());

    @Test
    void theFirstFrameIsAKeyframeAndTheNextAnInterframeEachMarkedAtBothEnds() {
        sender.sendFrame();
        sender.sendFrame();

        assertEquals(KEYFRAME_PACKETS + FRAME_PACKETS, originals.size());
        SrtpReceiver receiver = new SrtpReceiver(KEY);
        List<RtpPacket> packets = originals.stream().map(p -> plain(receiver, p)).toList();
        RtpPacket first = packets.get(0);
        RtpPacket lastOfKeyframe = packets.get(KEYFRAME_PACKETS - 1);
        RtpPacket firstOfNext = packets.get(KEYFRAME_PACKETS);
        assertTrue(Vp8Descriptor.isKeyframe(first.array(), first.payloadOffset()));
        assertTrue(lastOfKeyframe.marker() && !Vp8Descriptor.isFrameStart(lastOfKeyframe.array(), lastOfKeyframe.payloadOffset()));
        assertTrue(Vp8Descriptor.isFrameStart(firstOfNext.array(), firstOfNext.payloadOffset()));
        assertFalse(Vp8Descriptor.isKeyframe(firstOfNext.array(), firstOfNext.payloadOffset()));
        assertEquals(90_000 / SHAPE.screenFps(), firstOfNext.timestamp() - first.timestamp());
    }

    @Test
    void aNackIsAnsweredWithThePacketsAsTheyWentTheFirstTimeUnlessAnsweringIsOff() {
        sender.sendFrame();
        int[] lost = {65531, 2};

        sender.onRtcp(nack(lost), 0, GenericNack.MIN_LENGTH + 2 * GenericNack.ITEM_LENGTH);

        assertEquals(2, repeats.size());
        assertArrayEquals(originals.get(1), repeats.get(0), "65531 is the second packet sent");
        assertArrayEquals(originals.get(8), repeats.get(1), "2 the ninth, across the wrap");
        sender.answerNacks(false);
        sender.onRtcp(nack(lost), 0, GenericNack.MIN_LENGTH + 2 * GenericNack.ITEM_LENGTH);
        assertEquals(2, repeats.size(), "not answered");
        assertEquals(new UplinkFeedback(2, 2, 0), sender.feedback());
    }

    @Test
    void aPliMakesTheNextFrameAKeyframe() {
        sender.sendFrame();
        sender.sendFrame();
        int before = originals.size();
        byte[] pli = new byte[64];

        sender.onRtcp(pli, 0, PictureLossIndication.write(pli, 0, 1, SSRC));
        sender.sendFrame();

        assertEquals(KEYFRAME_PACKETS, originals.size() - before);
        assertEquals(1, sender.feedback().keyframeRequests());
    }

    private static int packets(int bytes) {
        return (bytes + SHAPE.screenPacketPayload() - 1) / SHAPE.screenPacketPayload();
    }

    private static byte[] nack(int[] lost) {
        byte[] buf = new byte[64];
        GenericNack.write(buf, 0, 1, SSRC, lost, lost.length);
        return buf;
    }

    private static RtpPacket plain(SrtpReceiver receiver, byte[] protectedPacket) {
        byte[] copy = protectedPacket.clone();
        RtpPacket packet = new RtpPacket();
        assertTrue(packet.wrap(copy, 0, receiver.unprotectRtp(copy, 0, copy.length)));
        return packet;
    }
}
