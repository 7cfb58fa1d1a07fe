package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SentPacketsTest {

    @Test
    void aPacketIsKeptUntilItsSlotIsTakenByOneASlotsWorthLater() {
        SentPackets sent = new SentPackets();
        byte[] out = new byte[1500];
        sent.store(65535, new byte[] {1, 2, 3}, 0, 3);
        sent.store(0, new byte[] {4, 5}, 0, 2);

        assertEquals(3, sent.copy(65535, out));
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(out, 3));
        assertEquals(2, sent.copy(0, out));
        assertEquals(-1, sent.copy(1, out), "never sent");

        sent.store(SentPackets.SLOTS, new byte[] {6}, 0, 1);
        assertEquals(-1, sent.copy(0, out), "overwritten by a later packet");
        assertEquals(1, sent.copy(SentPackets.SLOTS, out));
    }
}
