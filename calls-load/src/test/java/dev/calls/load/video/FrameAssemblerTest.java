package dev.calls.load.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    private static final int PACKETS = 3;

    private final FrameTimes shown = new FrameTimes();
    private final FrameAssembler assembler = new FrameAssembler(shown);

    /** Packet {@code k} (0..2) of frame {@code frame}, which starts at sequence 100 + 3 × frame, arriving at {@code now}. */
    private void packet(int frame, int k, boolean keyframe, long now) {
        assembler.onPacket(100 + PACKETS * frame + k, 3000 * frame, k == PACKETS - 1, k == 0, keyframe && k == 0, now);
    }

    private void frame(int frame, boolean keyframe, long now) {
        for (int k = 0; k < PACKETS; k++) {
            packet(frame, k, keyframe, now);
        }
    }

    @Test
    void framesAreShownFromTheFirstKeyframeOnAsTheyComplete() {
        frame(0, false, 1);
        frame(1, true, 2);
        frame(2, false, 3);
        frame(3, false, 4);

        assertArrayEquals(new long[] {2, 3, 4}, shown.snapshot(), "the interframe before the first keyframe cannot be decoded");
    }

    @Test
    void aFrameWaitsForItsLostPacketAndTheFramesAfterItWaitForIt() {
        frame(0, true, 1);
        packet(1, 0, false, 2);
        packet(1, 2, false, 2);
        frame(2, false, 3);
        packet(1, 1, false, 5);

        assertArrayEquals(new long[] {1, 5, 5}, shown.snapshot(), "the repair completes frame 1, and frame 2 follows it");
    }

    @Test
    void aChainBrokenForGoodRestartsAtTheNextKeyframe() {
        frame(0, true, 1);
        packet(1, 0, false, 2);
        packet(1, 2, false, 2);
        frame(2, false, 3);
        frame(3, true, 4);
        frame(4, false, 5);

        assertArrayEquals(new long[] {1, 4, 5}, shown.snapshot());
    }

    @Test
    void packetsInAnyOrderAndTwiceMakeOneFrame() {
        packet(0, 2, true, 1);
        packet(0, 1, true, 1);
        packet(0, 1, true, 1);
        packet(0, 0, true, 2);
        packet(0, 2, true, 3);

        assertEquals(1, shown.snapshot().length);
    }

    @Test
    void aViewerShownNothingForHalfASecondAsksForAKeyframeOnceEachHalfSecond() {
        long wait = FrameAssembler.KEYFRAME_WAIT_NANOS;
        frame(0, true, 0);
        packet(1, 0, false, 1);

        assertFalse(assembler.keyframeDue(wait - 1), "a frame was shown just now");
        assertTrue(assembler.keyframeDue(wait));
        assertFalse(assembler.keyframeDue(wait + 1), "asked already");
        assertTrue(assembler.keyframeDue(2 * wait));
        frame(2, true, 2 * wait + 5);
        assertFalse(assembler.keyframeDue(3 * wait), "the keyframe came");
    }
}
