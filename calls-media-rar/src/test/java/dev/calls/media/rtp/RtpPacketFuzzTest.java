package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes and ranges: {@link RtpPacket#wrap} only ever answers true or false, and for a wrapped packet
 * every accessor, extension lookup and in-place rewrite stays inside the packet.
 */
class RtpPacketFuzzTest {

    private final RtpPacket packet = new RtpPacket();
    private final byte[] idMap = {0, 3, 1, 2, 0, 20, 6, 7, 8, 9, 10, 11, 12, 13, 14, (byte) 200};

    @FuzzTest(maxDuration = "10s")
    void wrapNeverFailsOutsideItsContract(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int off = FuzzInput.offset(input);
        int len = FuzzInput.length(input);
        RtcpMux.isRtcp(input, off, len);
        if (!packet.wrap(input, off, len)) {
            return;
        }
        assertEquals(2, packet.version());
        assertEquals(off + len, packet.payloadOffset() + packet.payloadLength() + packet.paddingLength());
        assertTrue(packet.payloadLength() >= 0);
        packet.marker();
        packet.payloadType();
        packet.sequenceNumber();
        packet.timestamp();
        packet.ssrc();
        RtpHeaderExtension extension = packet.extension();
        int extensionEnd = extension.offset() + extension.length();
        assertTrue(!extension.isPresent() || extensionEnd <= packet.payloadOffset());
        for (int id = 0; id < 256; id++) {
            int data = extension.find(id);
            if (data >= 0) {
                assertTrue(data >= extension.offset());
                assertTrue(data + extension.dataLength(data) <= extensionEnd);
            }
        }
        int level = AudioLevel.read(packet, 1);
        assertTrue(level >= -1 && level <= 255);
        extension.remapIds(idMap);
        packet.setSequenceNumber(packet.sequenceNumber() + 1);
        packet.setPayloadType(packet.payloadType() ^ 1);
        assertTrue(packet.wrap(input, off, len), "rewriting header fields keeps the packet well formed");
    }
}
