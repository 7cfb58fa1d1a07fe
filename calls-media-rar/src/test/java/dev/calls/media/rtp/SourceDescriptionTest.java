package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceDescriptionTest {

    private final SourceDescription sdes = new SourceDescription();

    @Test
    void readsCapturedCnameChunk() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertTrue(sdes.wrap(raw, 32, raw.length - 32));
        assertEquals(52, sdes.length());
        assertEquals(1, sdes.chunkCount());
        assertEquals(0x902f9e2e, sdes.chunkSsrc(0));
        assertThrows(IndexOutOfBoundsException.class, () -> sdes.chunkSsrc(1));
    }

    @Test
    void walksSeveralChunksWithTheirAlignment() {
        // RFC 3550 §6.5: chunk 1 CNAME "ab", then a null item and three null octets to the boundary;
        // chunk 2 has no items (four null octets); chunk 3 CNAME "x", whose null item ends the word.
        byte[] raw = Hex.bytes("83ca0007 00000001 01026162 00000000 00000002 00000000 00000003 01017800");
        assertEquals(32, raw.length);
        assertTrue(sdes.wrap(raw, 0, raw.length));
        assertEquals(3, sdes.chunkCount());
        assertEquals(1, sdes.chunkSsrc(0));
        assertEquals(2, sdes.chunkSsrc(1));
        assertEquals(3, sdes.chunkSsrc(2));
    }

    @Test
    void rejectsChunksThatDoNotFit() {
        assertFalse(sdes.wrap(Hex.bytes("81ca0001 00000001"), 0, 8), "no null item");
        assertFalse(sdes.wrap(Hex.bytes("81ca0002 00000001 01056162"), 0, 12), "item longer than the packet");
        assertFalse(sdes.wrap(Hex.bytes("82ca0002 00000001 00000000"), 0, 12), "second chunk missing");
        assertFalse(sdes.wrap(Hex.bytes("a1ca0003 00000001 01026162 00000002"), 0, 16),
                "RTCP padding cuts off the null octets that end the chunk");
        assertTrue(sdes.wrap(Hex.bytes("81ca0002 00000001 01016100"), 0, 12), "a null item on the boundary");
        assertTrue(sdes.wrap(Hex.bytes("80ca0000"), 0, 4), "an SDES may describe nobody");
        assertFalse(sdes.wrap(Hex.bytes("81cb0001 00000001"), 0, 8), "a BYE is no SDES");
    }
}
