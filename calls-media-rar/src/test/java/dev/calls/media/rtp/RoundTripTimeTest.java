package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The smoothed round trip of RFC 6298 §2 and its fallback. */
class RoundTripTimeTest {

    @Test
    void theFallbackHoldsUntilTheFirstSampleWhichIsTakenWhole() {
        RoundTripTime rtt = new RoundTripTime(100);
        assertEquals(100, rtt.nanos());

        rtt.sample(-1);
        rtt.sample(0);
        assertEquals(100, rtt.nanos(), "no sample");

        rtt.sample(40);
        assertEquals(40, rtt.nanos());
    }

    @Test
    void laterSamplesMoveItByAnEighth() {
        RoundTripTime rtt = new RoundTripTime(100);
        rtt.sample(800);
        rtt.sample(1600);
        assertEquals(900, rtt.nanos());
    }
}
