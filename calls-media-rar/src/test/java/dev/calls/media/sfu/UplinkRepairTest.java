package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.calls.limits.Limit;
import dev.calls.media.bench.AllocationMeter;

/** Loss repair on a publisher's uplink: when NACKs go, how often, within which bounds, and the keyframe fallback. */
class UplinkRepairTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Recorder publisher = new Recorder();
    private final long start = System.nanoTime();
    private final UplinkRepair repair = new UplinkRepair(publisher, start);

    @Test
    void aLostPacketIsAskedForWhenTheNextArrivesAndAgainEachRoundTripOnTheTimer() {
        repair.onPacket(100, start);
        repair.onPacket(102, start + MS);
        assertEquals(List.of(List.of(101)), publisher.nacks);

        repair.tick(start + 50 * MS);
        assertEquals(1, publisher.nacks.size(), "the default round trip has not passed");
        repair.tick(start + MS + UplinkRepair.DEFAULT_RTT_NANOS);
        assertEquals(List.of(List.of(101), List.of(101)), publisher.nacks);
    }

    @Test
    void aRepairTeachesTheRoundTripAndLaterRequestsFollowIt() {
        repair.onPacket(100, start);
        repair.onPacket(102, start);
        repair.onPacket(101, start + 30 * MS);
        assertEquals(30 * MS, repair.roundTripNanos());

        repair.onPacket(104, start + 40 * MS);
        repair.tick(start + 70 * MS);
        assertEquals(List.of(List.of(101), List.of(103), List.of(103)), publisher.nacks);
    }

    @Test
    void aPacketNeverRepairedEndsInOneKeyframeRequest() {
        repair.onPacket(100, start);
        repair.onPacket(102, start);
        long now = start;
        for (int i = 0; i < 2 * Limit.NACK_RETRIES.value(); i++) {
            now += UplinkRepair.DEFAULT_RTT_NANOS;
            repair.tick(now);
        }
        assertEquals(Limit.NACK_RETRIES.value(), publisher.nacks.size(), "the retry cap");
        assertEquals(1, publisher.keyframes);
    }

    @Test
    void aLossLargerThanTheListAsksForAKeyframeAndNoPackets() {
        repair.onPacket(100, start);
        repair.onPacket(100 + Limit.NACK_MISSING_PACKETS.value() + 2, start);

        assertTrue(publisher.nacks.isEmpty());
        assertEquals(1, publisher.keyframes);
    }

    @Test
    void nackPacketsAreBoundedPerSecond() {
        int sequence = 0;
        repair.onPacket(sequence, start);
        for (int i = 0; i < 4 * Limit.NACKS_PER_SECOND.value(); i++) {
            sequence += 2;
            repair.onPacket(sequence, start + i * 1000L);
        }
        assertEquals(Limit.NACKS_PER_SECOND.value(), publisher.nacks.size(), "one second's burst, in under a millisecond");

        repair.tick(start + TimeUnit.SECONDS.toNanos(1) / Limit.NACKS_PER_SECOND.value() * 2);
        List<Integer> waiting = publisher.nacks.get(publisher.nacks.size() - 1);
        assertEquals(4 * Limit.NACKS_PER_SECOND.value() - Limit.NACKS_PER_SECOND.value(), waiting.size(),
                "the next NACK names every packet that waited for it");
    }

    @Test
    void fivePercentLossIsRepairedWithoutAllocating() {
        NoAllocation quiet = new NoAllocation();
        UplinkRepair measured = new UplinkRepair(quiet, start);
        run(measured, 0, 20_000);
        long before = AllocationMeter.currentThreadAllocatedBytes();
        run(measured, 20_000, 20_000);
        long allocated = AllocationMeter.currentThreadAllocatedBytes() - before;
        // One object per packet would be at least 16 bytes × 20 000; the JVM's own bookkeeping is a few dozen bytes.
        assertTrue(allocated < 1024, allocated + " bytes for 20 000 packets");
        assertTrue(quiet.nacks > 1000, quiet.nacks + " NACKs");
    }

    /** A screen share at 300 packets a second losing every 20th, each loss repaired 40 ms later. */
    private void run(UplinkRepair measured, int from, int count) {
        for (int i = from; i < from + count; i++) {
            long at = start + i * (1000 * MS / 300);
            if (i % 20 != 0) {
                measured.onPacket(i & 0xFFFF, at);
            }
            if (i % 20 == 12) {
                measured.onPacket((i - 12) & 0xFFFF, at);
            }
        }
    }

    private static final class Recorder implements UplinkRepair.Feedback {

        final List<List<Integer>> nacks = new ArrayList<>();
        int keyframes;

        @Override
        public void requestRetransmission(int[] sequences, int count) {
            List<Integer> asked = new ArrayList<>();
            Arrays.stream(sequences, 0, count).forEach(asked::add);
            nacks.add(asked);
        }

        @Override
        public void requestKeyframe(long nowNanos) {
            keyframes++;
        }
    }

    private static final class NoAllocation implements UplinkRepair.Feedback {

        long nacks;

        @Override
        public void requestRetransmission(int[] sequences, int count) {
            nacks++;
        }

        @Override
        public void requestKeyframe(long nowNanos) {
            throw new AssertionError("every loss is repaired");
        }
    }
}
