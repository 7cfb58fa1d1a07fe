package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void diffTakesTheShortWayAroundTheWrap() {
        assertEquals(1, SequenceNumbers.diff(101, 100));
        assertEquals(-1, SequenceNumbers.diff(100, 101));
        assertEquals(4, SequenceNumbers.diff(2, 65534));
        assertEquals(-4, SequenceNumbers.diff(65534, 2));
        assertEquals(32767, SequenceNumbers.diff(32767, 0));
        assertEquals(-32768, SequenceNumbers.diff(32768, 0));
        assertEquals(0, SequenceNumbers.diff(0x1_0005, 5), "only the low 16 bits count");
    }

    @Test
    void newerAndCompareFollowDiff() {
        assertTrue(SequenceNumbers.isNewer(0, 65535));
        assertFalse(SequenceNumbers.isNewer(65535, 0));
        assertFalse(SequenceNumbers.isNewer(7, 7));
        assertEquals(1, SequenceNumbers.compare(3, 65000));
        assertEquals(-1, SequenceNumbers.compare(65000, 3));
        assertEquals(0, SequenceNumbers.compare(9, 9));
    }
}
