package dev.calls.media.srtp;

import static dev.calls.media.srtp.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SrtpPacketTest {

    @Test
    void measuresTheFixedHeader() {
        assertEquals(12, SrtpPacket.rtpHeaderLength(bytes("80000001 00000000 00000000"), 0, 12));
    }

    @Test
    void countsCsrcsAndTheHeaderExtension() {
        byte[] packet = TestPackets.rtp(1, 1, 0);

        assertEquals(32, SrtpPacket.rtpHeaderLength(packet, 0, 32));
        assertEquals(-1, SrtpPacket.rtpHeaderLength(packet, 0, 31));
        assertEquals(-1, SrtpPacket.rtpHeaderLength(packet, 0, 23), "extension header itself cut off");
    }

    @Test
    void refusesOtherVersionsAndOversizedPackets() {
        byte[] buf = new byte[SrtpPacket.MAX_LENGTH + 1];
        buf[0] = (byte) 0x80;

        assertEquals(-1, SrtpPacket.rtpHeaderLength(new byte[12], 0, 12));
        assertEquals(-1, SrtpPacket.rtpHeaderLength(buf, 0, buf.length));
        assertTrue(SrtpPacket.isRtcpHeader(buf, 0, SrtpPacket.MAX_LENGTH));
        assertFalse(SrtpPacket.isRtcpHeader(buf, 0, buf.length));
        assertFalse(SrtpPacket.isRtcpHeader(buf, 0, 7));
    }

    @Test
    void readsFieldsAtTheirOffsets() {
        byte[] packet = bytes("80 6f f17b 8041f8d3 5501a0b2");

        assertEquals(0xf17b, SrtpPacket.rtpSequenceNumber(packet, 0));
        assertEquals(0x5501a0b2, SrtpPacket.rtpSsrc(packet, 0));
        assertEquals(0x8041f8d3, SrtpPacket.rtcpSenderSsrc(packet, 0));
    }
}
