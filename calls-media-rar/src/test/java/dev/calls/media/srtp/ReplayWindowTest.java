package dev.calls.media.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void refusesTheFirstIndexAgainAndAcceptsNewerOnes() {
        ReplayWindow window = new ReplayWindow(1000);

        assertFalse(window.isFresh(1000));
        assertTrue(window.isFresh(1001));
        assertTrue(window.isFresh(999));
        assertEquals(1000, window.highest());
    }

    @Test
    void remembersEveryIndexInsideTheWindow() {
        ReplayWindow window = new ReplayWindow(5000);
        for (long index = 5002; index < 5000 + ReplayWindow.SIZE; index += 2) {
            window.accept(index);
        }
        long highest = 5000 + ReplayWindow.SIZE - 2;
        assertEquals(highest, window.highest());

        for (long index = highest - ReplayWindow.SIZE + 1; index <= highest; index++) {
            assertEquals(index % 2 == 1, window.isFresh(index), "index " + index);
        }
        assertFalse(window.isFresh(highest - ReplayWindow.SIZE), "just outside the window");
    }

    @Test
    void forgetsSlotsItSkippedWhenAdvancing() {
        ReplayWindow window = new ReplayWindow(0);
        window.accept(500);
        window.accept(ReplayWindow.SIZE + 1);

        assertTrue(window.isFresh(ReplayWindow.SIZE), "shares a ring slot with accepted index 0");
        assertFalse(window.isFresh(500), "accepted and still inside the window");
        assertFalse(window.isFresh(0), "older than the window");
    }

    @Test
    void startsOverAfterAJumpWiderThanTheWindow() {
        ReplayWindow window = new ReplayWindow(10);
        window.accept(10 + 5L * ReplayWindow.SIZE);

        for (long index = 10 + 4L * ReplayWindow.SIZE + 1; index < 10 + 5L * ReplayWindow.SIZE; index++) {
            assertTrue(window.isFresh(index));
        }
    }

    @Test
    void refusesNegativeIndices() {
        assertFalse(new ReplayWindow(3).isFresh(-1));
    }
}
