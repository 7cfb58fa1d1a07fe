package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceiveStatisticsTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final byte[] buf = new byte[ReportBlock.LENGTH];
    private final ReportBlock block = new ReportBlock();

    private ReportBlock report(ReceiveStatistics stats, long nowNanos) {
        assertEquals(ReportBlock.LENGTH, stats.writeReportBlock(buf, 0, nowNanos));
        block.point(buf, 0);
        return block;
    }

    /** 8 kHz audio, 20 ms packets: timestamp and arrival both follow the sequence number. */
    private static boolean audio(ReceiveStatistics stats, int seq) {
        return stats.onPacket(seq, seq * 160, seq * 20 * MS);
    }

    @Test
    void lossAndFractionPerInterval() {
        ReceiveStatistics stats = new ReceiveStatistics(0x1234, 8000);
        assertFalse(audio(stats, 1000), "RFC 3550 A.1: the first packet is on probation");
        for (int seq = 1001; seq < 1100; seq++) {
            if (seq < 1010 || seq >= 1020) {
                assertTrue(audio(stats, seq));
            }
        }
        // A.3: expected = 1099 - 1001 + 1 = 99, received 89, lost 10, fraction = (10 << 8) / 99 = 25.
        assertEquals(89, stats.receivedPackets());
        assertEquals(10, stats.cumulativeLost());
        ReportBlock first = report(stats, 0);
        assertEquals(0x1234, first.ssrc());
        assertEquals(25, first.fractionLost());
        assertEquals(10, first.cumulativeLost());
        assertEquals(1099, first.extendedHighestSequence());

        for (int seq = 1100; seq < 1200; seq++) {
            audio(stats, seq);
        }
        ReportBlock second = report(stats, 0);
        assertEquals(0, second.fractionLost(), "nothing lost in this interval");
        assertEquals(10, second.cumulativeLost());
        assertEquals(1199, second.extendedHighestSequence());

        assertEquals(0, report(stats, 0).fractionLost(), "an empty interval");
    }

    @Test
    void duplicatesMakeLossNegative() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 8000);
        for (int seq = 100; seq <= 110; seq++) {
            audio(stats, seq);
        }
        assertTrue(audio(stats, 105), "a duplicate within the misorder window still counts");
        assertEquals(-1, stats.cumulativeLost());
        assertEquals(-1, report(stats, 0).cumulativeLost());
        assertEquals(0, block.fractionLost());
    }

    @Test
    void countsSequenceCycles() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 8000);
        for (int i = 0; i < 20; i++) {
            stats.onPacket((65530 + i) & 0xFFFF, i * 160, i * 20 * MS);
        }
        assertEquals(65536 + 13, stats.extendedHighestSequence());
        assertEquals(0, stats.cumulativeLost());
        assertEquals(65536 + 13, report(stats, 0).extendedHighestSequence());
    }

    @Test
    void restartsAfterTwoPacketsFarAway() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 8000);
        for (int seq = 100; seq <= 110; seq++) {
            audio(stats, seq);
        }
        assertFalse(audio(stats, 30000), "a jump beyond MAX_DROPOUT is doubted");
        assertEquals(110, stats.extendedHighestSequence());
        assertTrue(audio(stats, 30001), "the next one in order confirms the restart");
        assertEquals(1, stats.receivedPackets());
        assertEquals(30001, stats.extendedHighestSequence());
        assertEquals(0, stats.cumulativeLost());
    }

    @Test
    void jitterWorkedExample() {
        // 8 kHz, 20 ms = 160 ticks per packet; packet 3 arrives 10 ms (80 ticks) late.
        // Packet 0 is on probation, packet 1 gives the first transit; then |D| = 0, 80, 80, 0:
        // J = 0, 0 + (80 - 0)/16 = 5, 5 + (80 - 5)/16 = 9.69, 9.69 + (0 - 9.69)/16 = 9.08.
        // In A.8's integers (16 J): 80, 80 + 80 - 5 = 155, 155 - 10 = 145, reported as 0, 5, 9, 9.
        ReceiveStatistics stats = new ReceiveStatistics(1, 8000);
        long[] arrivalMs = {0, 20, 40, 70, 80, 100};
        int[] expectedJitter = {0, 0, 0, 5, 9, 9};
        for (int seq = 0; seq < arrivalMs.length; seq++) {
            stats.onPacket(seq, seq * 160, arrivalMs[seq] * MS);
            assertEquals(expectedJitter[seq], stats.jitter(), "after packet " + seq);
        }
        assertEquals(9, report(stats, 0).jitter());
    }

    @Test
    void integerJitterTracksTheFloatingPointEstimate() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 90000);
        double jitter = 0;
        long previousTransit = 0;
        for (int seq = 0; seq < 500; seq++) {
            int delayTicks = (seq * 7919) % 450;
            long arrivalTicks = seq * 3000L + delayTicks;
            stats.onPacket(seq, seq * 3000, arrivalTicks * SECOND / 90000);
            long transit = arrivalTicks - seq * 3000L;
            if (seq >= 2) {
                jitter += (Math.abs(transit - previousTransit) - jitter) / 16;
            }
            previousTransit = transit;
        }
        assertTrue(Math.abs(stats.jitter() - jitter) <= 1, stats.jitter() + " vs " + jitter);
        assertTrue(jitter > 50, "the pattern does jitter");
    }

    @Test
    void perfectlyPacedStreamHasNoJitterAcrossTimestampWrapAndLongCalls() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 90000);
        int ts = 0xFFFF_F000;
        long t = 5 * SECOND;
        for (int seq = 0; seq < 10; seq++) {
            stats.onPacket(seq, ts + seq * 1800, t + seq * 20 * MS);
        }
        assertEquals(0, stats.jitter());
        // 40 hours later, timestamps and arrivals moved in step: the conversion of 40 h to 90 kHz ticks
        // (past where nanoseconds × clock rate overflows a long) must keep the transit time constant.
        long later = 40L * 3600 * SECOND;
        for (int seq = 10; seq < 20; seq++) {
            long elapsed = later + seq * 20 * MS;
            stats.onPacket(seq, ts + (int) (elapsed / MS * 90), t + elapsed);
        }
        assertEquals(0, stats.jitter());
    }

    @Test
    void lastSenderReportAndDelay() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 8000);
        audio(stats, 1);
        audio(stats, 2);
        ReportBlock none = report(stats, 0);
        assertEquals(0, none.lastSenderReport());
        assertEquals(0, none.delaySinceLastSenderReport());
        stats.onSenderReport(0xda8bd1fc_dddd0000L, 2 * SECOND);
        ReportBlock after = report(stats, 2 * SECOND + 500 * MS);
        assertEquals(0xd1fcdddd, after.lastSenderReport(), "the middle 32 bits of the NTP timestamp");
        assertEquals(32768, after.delaySinceLastSenderReport(), "0.5 s in 1/65536 s");
    }

    @Test
    void reportsZerosBeforeAnyValidPacket() {
        ReceiveStatistics stats = new ReceiveStatistics(0x77, 8000);
        audio(stats, 0);
        ReportBlock empty = report(stats, 0);
        assertEquals(0x77, empty.ssrc());
        assertEquals(0, empty.fractionLost());
        assertEquals(0, empty.cumulativeLost());
        assertEquals(0, empty.extendedHighestSequence());
        assertEquals(0, empty.jitter());
    }

    @Test
    void refusesNonPositiveClockRate() {
        assertThrows(IllegalArgumentException.class, () -> new ReceiveStatistics(1, 0));
    }
}
