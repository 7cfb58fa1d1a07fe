package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GenericNackTest {

    private final GenericNack nack = new GenericNack();

    @Test
    void expandsPidAndBitmask() {
        // RFC 4585 §6.2.1: PID 0xaaaa lost, BLP 0x5555 sets bits 0, 2, ..., 14: PID+1, PID+3, ..., PID+15.
        byte[] raw = Hex.bytes("81cd0003 902f9e2e 902f9e2e aaaa5555");
        assertTrue(nack.wrap(raw, 0, raw.length));
        assertEquals(1, nack.itemCount());
        assertEquals(0xaaaa, nack.packetId(0));
        assertEquals(0x5555, nack.bitmask(0));
        int[] lost = new int[9];
        assertEquals(9, nack.lostSequences(lost));
        assertArrayEquals(new int[] {0xaaaa, 0xaaab, 0xaaad, 0xaaaf, 0xaab1, 0xaab3, 0xaab5, 0xaab7, 0xaab9},
                lost);
        assertThrows(IndexOutOfBoundsException.class, () -> nack.packetId(1));
    }

    @Test
    void expansionWrapsAndStopsWhenOutputIsFull() {
        byte[] raw = Hex.bytes("81cd0004 00000001 00000002 fffe8001 00100000");
        assertTrue(nack.wrap(raw, 0, raw.length));
        assertEquals(2, nack.itemCount());
        int[] lost = new int[4];
        assertEquals(4, nack.lostSequences(lost));
        assertArrayEquals(new int[] {0xfffe, 0xffff, 14, 16}, lost, "BLP bit 15 is PID + 16, past the wrap");
        int[] two = new int[2];
        assertEquals(2, nack.lostSequences(two));
        assertArrayEquals(new int[] {0xfffe, 0xffff}, two);
    }

    @Test
    void writesOneEntryForNearbyLosses() {
        byte[] buf = new byte[16];
        int length = GenericNack.write(buf, 0, 0x902f9e2e, 0x11111111, new int[] {100, 101, 105, 116}, 4);
        assertEquals(16, length);
        assertArrayEquals(Hex.bytes("81cd0003 902f9e2e 11111111 00648011"), buf);
    }

    @Test
    void writesSeveralEntriesAndRoundTrips() {
        int[] seqs = {100, 117, 500, 501, 502, 65535, 0, 1, 0};
        byte[] buf = new byte[64];
        int length = GenericNack.write(buf, 8, 1, 2, seqs, seqs.length);
        assertEquals(12 + 4 * 4, length);
        assertTrue(nack.wrap(buf, 8, length));
        assertEquals(4, nack.itemCount());
        assertEquals(1, nack.senderSsrc());
        assertEquals(2, nack.mediaSsrc());
        int[] lost = new int[8];
        assertEquals(8, nack.lostSequences(lost));
        assertArrayEquals(new int[] {100, 117, 500, 501, 502, 65535, 0, 1}, lost, "the repeated 0 is dropped");
        assertArrayEquals(new int[] {100, 0, 117, 0, 500, 3, 65535, 3},
                new int[] {nack.packetId(0), nack.bitmask(0), nack.packetId(1), nack.bitmask(1),
                    nack.packetId(2), nack.bitmask(2), nack.packetId(3), nack.bitmask(3)});
    }

    @Test
    void writerRefusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> GenericNack.write(new byte[16], 0, 1, 2, new int[0], 0));
        assertThrows(IllegalArgumentException.class, () -> GenericNack.write(new byte[16], 0, 1, 2, new int[1], 2));
        assertThrows(IllegalArgumentException.class, () -> GenericNack.write(new byte[15], 0, 1, 2, new int[1], 1));
        assertThrows(IllegalArgumentException.class,
                () -> GenericNack.write(new byte[16], 0, 1, 2, new int[] {1, 100}, 2), "second entry has no room");
    }

    @Test
    void rejectsOtherFormatsAndEmptyFci() {
        assertFalse(nack.wrap(Hex.bytes("81cd0002 902f9e2e 902f9e2e"), 0, 12), "no entry");
        assertFalse(nack.wrap(Hex.bytes("81ce0003 902f9e2e 902f9e2e aaaa5555"), 0, 16), "PSFB");
        assertFalse(nack.wrap(Hex.bytes("83cd0003 902f9e2e 902f9e2e aaaa5555"), 0, 16), "FMT 3");
    }
}
