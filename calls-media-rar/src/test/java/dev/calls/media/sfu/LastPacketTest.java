package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LastPacketTest {

    private static final long RESOLUTION = TimeUnit.MILLISECONDS.toNanos(LastPacket.RESOLUTION_MILLIS);

    @Test
    void heardWhenOpenedUntilAPacketArrives() {
        assertEquals(-5, new LastPacket(-5).atNanos(), "nanoTime values may be negative");
    }

    @Test
    void movesWithPacketsToTheResolution() {
        LastPacket last = new LastPacket(0);

        last.arrived(RESOLUTION - 1);
        assertEquals(0, last.atNanos(), "within the resolution of the last store");

        last.arrived(RESOLUTION);
        assertEquals(RESOLUTION, last.atNanos());

        last.arrived(5 * RESOLUTION + 7);
        assertEquals(5 * RESOLUTION + 7, last.atNanos());
    }
}
