package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtcpCompoundTest {

    private final RtcpCompound compound = new RtcpCompound();

    @Test
    void iteratesCapturedCompoundPacket() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertEquals(132, raw.length);
        assertTrue(compound.wrap(raw, 0, raw.length));
        int[] types = new int[6];
        int[] offsets = new int[6];
        int[] lengths = new int[6];
        int[] counts = new int[6];
        int n = 0;
        while (compound.next()) {
            assertEquals(raw, compound.array());
            types[n] = compound.packetType();
            offsets[n] = compound.packetOffset();
            lengths[n] = compound.packetLength();
            counts[n] = compound.count();
            n++;
        }
        assertEquals(6, n);
        assertArrayEquals(new int[] {201, 202, 203, 206, 205, 204}, types);
        assertArrayEquals(new int[] {0, 32, 84, 92, 104, 116}, offsets);
        assertArrayEquals(new int[] {32, 52, 8, 12, 12, 16}, lengths);
        assertArrayEquals(new int[] {1, 1, 1, 1, 5, 0}, counts);
        assertFalse(compound.next(), "stays at the end");
        assertThrows(IllegalStateException.class, compound::packetType);
    }

    @Test
    void iteratesFromAnOffset() {
        byte[] packet = Hex.bytes("81ce0002 902f9e2e 902f9e2e");
        byte[] raw = Hex.embedded(packet, 3, 9);
        assertTrue(compound.wrap(raw, 3, packet.length));
        assertTrue(compound.next());
        assertEquals(3, compound.packetOffset());
        assertEquals(RtcpPacketType.PAYLOAD_FEEDBACK, compound.packetType());
        assertFalse(compound.next());
    }

    @Test
    void stopsAtAPacketLongerThanWhatIsLeft() {
        byte[] raw = Hex.bytes(RtcpTestPackets.CAPTURED_COMPOUND);
        assertTrue(compound.wrap(raw, 0, 100));
        assertTrue(compound.next());
        assertTrue(compound.next());
        assertTrue(compound.next());
        assertFalse(compound.next(), "the PLI at 92 needs 12 bytes, 8 are left");
        assertFalse(compound.next());
    }

    @Test
    void stopsAtWrongVersionOrTrailingBytes() {
        byte[] badVersion = Hex.bytes("81ce0002 902f9e2e 902f9e2e 41ce0002 902f9e2e 902f9e2e");
        assertTrue(compound.wrap(badVersion, 0, badVersion.length));
        assertTrue(compound.next());
        assertFalse(compound.next());
        byte[] trailing = Hex.bytes("81ce0002 902f9e2e 902f9e2e 81ce");
        assertTrue(compound.wrap(trailing, 0, trailing.length));
        assertTrue(compound.next());
        assertFalse(compound.next());
    }

    @Test
    void refusesRangesThatCannotHoldAHeader() {
        byte[] raw = Hex.bytes("81ce0002 902f9e2e 902f9e2e");
        assertFalse(compound.wrap(raw, 0, 3));
        assertFalse(compound.next());
        assertFalse(compound.wrap(raw, 10, 4));
        assertFalse(compound.wrap(null, 0, 4));
        assertThrows(IllegalStateException.class, compound::packetOffset);
    }
}
