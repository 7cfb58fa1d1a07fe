package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
