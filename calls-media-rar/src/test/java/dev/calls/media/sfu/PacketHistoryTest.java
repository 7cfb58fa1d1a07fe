package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PacketHistoryTest {

    private static byte[] packet(int sequence, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) sequence);
        return bytes;
    }

    private static HistoryBudget unlimited() {
        return new HistoryBudget(Long.MAX_VALUE / 2);
    }

    @Test
    void reservesNothingUntilPacketsArriveThenGrowsASlotToTheLargestPacket() {
        HistoryBudget budget = new HistoryBudget(1 << 20);
        PacketHistory history = new PacketHistory(512, 2100, budget);
        assertEquals(0, history.heldBytes(), "nothing reserved per source up front");

        history.store(1, packet(1, 100), 0, 100);
        assertEquals(PacketHistory.GRANULE, history.heldBytes());
        history.store(1, packet(1, 1200), 0, 1200);
        assertEquals(1280, history.heldBytes(), "the slot grew to the packet, rounded up");
        history.store(1, packet(1, 300), 0, 300);
        assertEquals(1280, history.heldBytes(), "a smaller packet reuses the slot");
        assertEquals((1 << 20) - 1280, budget.remaining());
    }

    @Test
    void aSpentBudgetKeepsNoMoreAndReleaseGivesItBack() {
        HistoryBudget budget = new HistoryBudget(4 * 1280);
        PacketHistory first = new PacketHistory(512, 2100, budget);
        PacketHistory second = new PacketHistory(512, 2100, budget);
        byte[] out = new byte[2100];
        for (int seq = 0; seq < 100; seq++) {
            first.store(seq, packet(seq, 1200), 0, 1200);
        }
        assertEquals(1200, first.copy(3, out, 0));
        assertEquals(-1, first.copy(4, out, 0), "no room left in the session's budget");
        second.store(0, packet(0, 1200), 0, 1200);
        assertEquals(-1, second.copy(0, out, 0), "the budget is the session's, over all its tracks");

        first.release();
        assertEquals(4 * 1280, budget.remaining());
        assertEquals(-1, first.copy(3, out, 0));
        second.store(0, packet(0, 1200), 0, 1200);
        assertEquals(1200, second.copy(0, out, 0));
        assertTrue(budget.remaining() < 4 * 1280);
    }

    @Test
    void capacityIsRoundedUpToAPowerOfTwo() {
        assertEquals(512, new PacketHistory(512, 1500, unlimited()).capacity());
        assertEquals(512, new PacketHistory(300, 1500, unlimited()).capacity());
    }

    @Test
    void returnsTheStoredPacketBySequenceNumber() {
        PacketHistory history = new PacketHistory(16, 100, unlimited());
        byte[] in = packet(7, 60);
        history.store(7, in, 0, in.length);

        byte[] out = new byte[100];
        assertEquals(60, history.copy(7, out, 0));
        assertArrayEquals(in, Arrays.copyOf(out, 60));
    }

    @Test
    void forgetsPacketsOverwrittenByNewerOnes() {
        PacketHistory history = new PacketHistory(16, 100, unlimited());
        for (int seq = 0; seq < 20; seq++) {
            byte[] in = packet(seq, 10);
            history.store(seq, in, 0, in.length);
        }
        byte[] out = new byte[100];
        assertEquals(-1, history.copy(3, out, 0), "slot of 3 now holds 19");
        assertEquals(10, history.copy(19, out, 0));
        assertEquals(-1, history.copy(25, out, 0), "never stored");
    }

    @Test
    void handlesTheSequenceNumberWrap() {
        PacketHistory history = new PacketHistory(16, 100, unlimited());
        byte[] before = packet(1, 10);
        byte[] after = packet(2, 12);
        history.store(65535, before, 0, before.length);
        history.store(0, after, 0, after.length);
        byte[] out = new byte[100];
        assertEquals(10, history.copy(65535, out, 0));
        assertEquals(12, history.copy(0, out, 0));
    }

    @Test
    void skipsPacketsLargerThanASlotAndRefusesSmallOutputBuffers() {
        PacketHistory history = new PacketHistory(16, 100, unlimited());
        byte[] big = packet(1, 101);
        history.store(1, big, 0, big.length);
        assertEquals(-1, history.copy(1, new byte[200], 0));

        byte[] in = packet(2, 50);
        history.store(2, in, 0, in.length);
        assertEquals(-1, history.copy(2, new byte[40], 0));
    }

    @Test
    void copiesFromAnOffsetIntoAnOffset() {
        PacketHistory history = new PacketHistory(16, 100, unlimited());
        byte[] frame = new byte[30];
        Arrays.fill(frame, 10, 30, (byte) 9);
        history.store(4, frame, 10, 20);
        byte[] out = new byte[40];
        assertEquals(20, history.copy(4, out, 5));
        assertEquals(9, out[5]);
        assertEquals(9, out[24]);
        assertEquals(0, out[25]);
    }

    @Test
    void aLateRepairIsKeptUnlessItsSlotHoldsANewerPacket() {
        PacketHistory history = new PacketHistory(4, 2100, unlimited());
        byte[] out = new byte[2100];
        history.store(0, packet(0, 100), 0, 100);
        history.store(2, packet(2, 100), 0, 100);

        history.store(1, packet(1, 100), 0, 100);
        assertEquals(100, history.copy(1, out, 0), "a repair within the history is kept");

        history.store(6, packet(6, 100), 0, 100);
        history.store(2, packet(2, 100), 0, 100);
        assertEquals(100, history.copy(6, out, 0), "a repair older than the history does not evict a newer packet");
        assertEquals(-1, history.copy(2, out, 0));

        history.store(6 + 4000, packet(9, 100), 0, 100);
        history.store(6, packet(6, 50), 0, 50);
        assertEquals(50, history.copy(6, out, 0), "a stream restarted far back is kept");
    }
}
