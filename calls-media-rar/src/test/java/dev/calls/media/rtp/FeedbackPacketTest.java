package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeedbackPacketTest {

    private final FeedbackPacket feedback = new FeedbackPacket();

    @Test
    void readsAnyFeedbackMessage() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertTrue(feedback.wrap(raw, 104, raw.length - 104), "RTPFB FMT 5, which no subclass reads");
        assertEquals(RtcpPacketType.TRANSPORT_FEEDBACK, feedback.packetType());
        assertEquals(5, feedback.fmt());
        assertEquals(0x902f9e2e, feedback.senderSsrc());
        assertEquals(0x902f9e2e, feedback.mediaSsrc());
        assertEquals(116, feedback.fciOffset());
        assertEquals(0, feedback.fciLength());
    }

    @Test
    void identifiesTransportWideCcForSkipping() {
        // RTPFB FMT 15, 12-byte FCI: base seq 1, status count 1, reference time 1, feedback count 0,
        // one run-length chunk (one packet received with a small delta), the delta 4, a zero byte to the word.
        byte[] raw = Hex.bytes("8fcd0005 00000001 12345678 00010001 00000100 20010400");
        assertTrue(feedback.wrap(raw, 0, raw.length));
        assertEquals(15, feedback.fmt());
        assertEquals(RtcpPacketType.TRANSPORT_FEEDBACK, feedback.packetType());
        assertEquals(12, feedback.fciLength());
        assertFalse(new GenericNack().wrap(raw, 0, raw.length));
    }

    @Test
    void rejectsOtherTypesAndShortMessages() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertFalse(feedback.wrap(raw, 0, raw.length), "an RR");
        assertFalse(feedback.wrap(raw, 116, 16), "an APP packet");
        assertFalse(feedback.wrap(Hex.bytes("81ce0001 902f9e2e"), 0, 8), "no media SSRC");
        assertFalse(feedback.wrap(Arrays.copyOf(raw, 100), 92, 8));
    }
}
