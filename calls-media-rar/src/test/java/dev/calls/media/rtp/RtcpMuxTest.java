package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtcpMuxTest {

    @Test
    void secondByteDecides() {
        assertFalse(RtcpMux.isRtcp(Hex.bytes("8060 0001 00000002 00000003"), 0, 12), "RTP PT 96");
        assertFalse(RtcpMux.isRtcp(Hex.bytes("80e0 0001 00000002 00000003"), 0, 12), "RTP PT 96 with marker");
        assertFalse(RtcpMux.isRtcp(Hex.bytes("80bf 0001"), 0, 4), "RTP PT 63 with marker is 191");
        assertTrue(RtcpMux.isRtcp(Hex.bytes("80c0 0001"), 0, 4), "192, the first value RFC 5761 §4 reserves");
        assertTrue(RtcpMux.isRtcp(Hex.bytes("81c9 0007 902f9e2e"), 0, 8), "RR");
        assertTrue(RtcpMux.isRtcp(Hex.bytes("81ce 0002"), 0, 4), "PSFB");
        assertTrue(RtcpMux.isRtcp(Hex.bytes("80df 0001"), 0, 4), "223, the last");
        assertFalse(RtcpMux.isRtcp(Hex.bytes("80e0 0001"), 0, 4), "224 is RTP PT 96 with marker");
    }

    @Test
    void refusesShortOrOutOfRangeInput() {
        byte[] rr = Hex.bytes("81c9 0007 902f9e2e");
        assertFalse(RtcpMux.isRtcp(rr, 4, 4), "the SSRC is no header");
        assertFalse(RtcpMux.isRtcp(rr, 0, 3));
        assertFalse(RtcpMux.isRtcp(rr, 6, 4));
        assertFalse(RtcpMux.isRtcp(rr, -1, 4));
        assertFalse(RtcpMux.isRtcp(null, 0, 4));
    }
}
