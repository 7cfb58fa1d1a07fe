package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.calls.media.rtp.RtpPacket;

class InboundStreamTest {

    @Test
    void countsLossAcrossTheSequenceNumberWrap() {
        InboundStream stream = new InboundStream(1);
        for (int sequence : new int[] {65533, 65534, 0, 1, 3}) {
            stream.onPacket(sequence);
        }

        assertEquals(5, stream.received());
        assertEquals(7, stream.expected(), "65533..65535 and 0..3: 65535 and 2 were lost");
    }

    @Test
    void aLateReorderedPacketDoesNotLowerTheHighest() {
        InboundStream stream = new InboundStream(1);
        for (int sequence : new int[] {10, 12, 11}) {
            stream.onPacket(sequence);
        }

        assertEquals(3, stream.received());
        assertEquals(3, stream.expected());
    }

    @Test
    void aWatchedStreamShowsTheVp8FramesItIsGivenAndAnUnwatchedOneKeepsNoFrames() {
        InboundStream watched = new InboundStream(1, true);
        InboundStream unwatched = new InboundStream(1);
        RtpWriter writer = new RtpWriter(1, ClientOffer.VP8_PAYLOAD_TYPE, ClientOffer.SCREEN_MID, false, 7);
        for (int k = 0; k < 2; k++) {
            byte[] buf = new byte[100];
            int length = writer.write(buf, 3000, k == 1, 40, 0, 0, 0);
            Vp8Descriptor.write(buf, RtpWriter.HEADER_LENGTH, k == 0, true);
            RtpPacket packet = new RtpPacket();
            packet.wrap(buf, 0, length);
            watched.onDecrypted(packet, watched.onPacket(packet.sequenceNumber()), 5);
            unwatched.onDecrypted(packet, unwatched.onPacket(packet.sequenceNumber()), 5);
        }

        assertArrayEquals(new long[] {5}, watched.shownFrames().snapshot(), "one keyframe of two packets");
        assertNull(unwatched.shownFrames());
    }
}
