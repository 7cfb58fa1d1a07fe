package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The lost packets a receiver asks for again (RFC 4585 §6.2.1): gaps, repairs, retries and giving up. */
class NackListTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long RETRY = 100 * MS;

    private final NackList list = new NackList(8, 3, 1000 * MS);
    private final int[] out = new int[8];

    @Test
    void aGapIsAskedForAtOnceAndAgainOnlyAfterARoundTrip() {
        arrive(10, 13);

        assertArrayEquals(new int[] {11, 12}, due(0));
        assertArrayEquals(new int[0], due(RETRY - 1), "not before a round trip");
        assertArrayEquals(new int[] {11, 12}, due(RETRY));
    }

    @Test
    void aRepairLeavesTheListAndGivesARoundTripSampleOnlyWhenAskedForOnce() {
        arrive(10, 13);
        due(0);
        due(RETRY);

        assertEquals(-1, list.onPacket(11, RETRY + 30 * MS), "asked for twice: the answer could be to either");
        assertEquals(1, list.size());

        list.onPacket(15, 200 * MS);
        due(200 * MS);
        assertEquals(40 * MS, list.onPacket(14, 240 * MS));
        assertEquals(1, list.size(), "only 12 is still missing");
    }

    @Test
    void aPacketIsGivenUpOnAfterItsAttemptsAndARoundTripMore() {
        arrive(1, 3);
        due(0);
        due(RETRY);
        due(2 * RETRY);
        assertFalse(list.takeGaveUp());

        assertArrayEquals(new int[0], due(3 * RETRY - 1), "the third answer may still come");
        assertFalse(list.takeGaveUp());
        due(3 * RETRY);
        assertTrue(list.takeGaveUp());
        assertFalse(list.takeGaveUp(), "said once");
        assertTrue(list.isEmpty());
    }

    @Test
    void aPacketIsGivenUpOnWhenTooOldEvenIfNeverAsked() {
        arrive(1, 3);

        assertEquals(0, list.due(1001 * MS, RETRY, out, 0));
        assertTrue(list.takeGaveUp());
        assertTrue(list.isEmpty());
    }

    @Test
    void withNoRoomToAskNothingCountsAsAsked() {
        arrive(1, 3);

        assertEquals(0, list.due(0, RETRY, out, 0));
        assertArrayEquals(new int[] {2}, due(1));
    }

    @Test
    void aGapLargerThanTheListAsksForAKeyframeInstead() {
        arrive(1, 11);

        assertTrue(list.isEmpty());
        assertTrue(list.takeGaveUp());
    }

    @Test
    void sequenceNumbersWrap() {
        arrive(65534, 1);

        assertArrayEquals(new int[] {65535, 0}, due(0));
        assertTrue(list.onPacket(0, 20 * MS) > 0);
        assertArrayEquals(new int[] {65535}, due(RETRY));
    }

    @Test
    void duplicatesAndLatePacketsNotOnTheListChangeNothing() {
        arrive(10, 12);

        assertEquals(-1, list.onPacket(12, 0));
        assertEquals(-1, list.onPacket(9, 0));
        assertArrayEquals(new int[] {11}, due(0));
    }

    @Test
    void aStreamRestartedFarBackIsFollowedWithoutAskingForItsPast() {
        arrive(20_000, 20_002, 100, 101);

        assertTrue(list.isEmpty());
        assertFalse(list.takeGaveUp());
    }

    /** Packets arriving at time 0, in this order. */
    private void arrive(int... sequences) {
        for (int seq : sequences) {
            list.onPacket(seq, 0);
        }
    }

    private int[] due(long nowNanos) {
        return Arrays.copyOf(out, list.due(nowNanos, RETRY, out, out.length));
    }
}
