package dev.calls.media.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The index guess of RFC 3711 Appendix A, case by case. */
class RtpPacketIndexTest {

    @Test
    void keepsTheRocForNearbySequenceNumbers() {
        assertEquals(5L << 16 | 1001, RtpPacketIndex.estimate(5L << 16 | 1000, 1001));
        assertEquals(5L << 16 | 990, RtpPacketIndex.estimate(5L << 16 | 1000, 990));
        assertEquals(5L << 16 | 40000, RtpPacketIndex.estimate(5L << 16 | 39000, 40000));
    }

    @Test
    void movesToTheNextRocWhenTheSequenceNumberWraps() {
        assertEquals(6L << 16, RtpPacketIndex.estimate(5L << 16 | 65535, 0));
        assertEquals(6L << 16 | 100, RtpPacketIndex.estimate(5L << 16 | 65000, 100));
    }

    @Test
    void movesToThePreviousRocForALatePacketFromBeforeTheWrap() {
        assertEquals(4L << 16 | 65535, RtpPacketIndex.estimate(5L << 16 | 2, 65535));
        assertEquals(4L << 16 | 40000, RtpPacketIndex.estimate(5L << 16 | 100, 40000));
    }

    @Test
    void isNegativeForAPacketBeforeRocZero() {
        assertTrue(RtpPacketIndex.estimate(100, 40000) < 0);
    }

    @Test
    void splitsAtHalfTheSequenceSpace() {
        assertEquals(1L << 16 | 32768, RtpPacketIndex.estimate(1L << 16, 32768));
        assertEquals(0L << 16 | 32769, RtpPacketIndex.estimate(1L << 16, 32769));
    }
}
