package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequenceUnwrapperTest {

    @Test
    void countsWrapsAndPlacesLatePackets() {
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        assertEquals(0, unwrapper.highest());
        assertEquals(65534, unwrapper.unwrap(65534));
        assertEquals(65535, unwrapper.unwrap(65535));
        assertEquals(65536, unwrapper.unwrap(0));
        assertEquals(65538, unwrapper.unwrap(2));
        assertEquals(65537, unwrapper.unwrap(1), "late packet after the wrap");
        assertEquals(65535, unwrapper.unwrap(65535), "late packet from before the wrap");
        assertEquals(65538, unwrapper.highest());
        assertEquals(1, unwrapper.highest() >> 16, "rollover count");
    }

    @Test
    void keepsCountingAcrossManyWraps() {
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        long last = 0;
        for (int i = 0; i <= 3 * 65536 + 2000; i += 1000) {
            last = unwrapper.unwrap(i & 0xFFFF);
            assertEquals(i, last);
        }
        assertEquals(3, last >> 16);
    }

    @Test
    void packetFromBeforeTheFirstComesOutNegative() {
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        assertEquals(0, unwrapper.unwrap(0));
        assertEquals(-1, unwrapper.unwrap(65535));
        assertEquals(0, unwrapper.highest());
    }
}
