package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SpeakerPhaseTest {

    private static final long FRAME = SimulatedParticipant.AUDIO_FRAME_NANOS;

    @Test
    void spreadSpeakersAreEvenlyApartAndAlignedOnesTogether() {
        assertEquals(0, SpeakerPhase.SPREAD.offsetNanos(0, 2, FRAME, new SplittableRandom()));
        assertEquals(10_000_000, SpeakerPhase.SPREAD.offsetNanos(1, 2, FRAME, new SplittableRandom()));
        assertEquals(15_000_000, SpeakerPhase.SPREAD.offsetNanos(3, 4, FRAME, new SplittableRandom()));
        assertEquals(0, SpeakerPhase.ALIGNED.offsetNanos(1, 2, FRAME, new SplittableRandom()));
    }

    @Test
    void randomSpeakersFallAnywhereInTheFrame() {
        SplittableRandom random = new SplittableRandom(7);
        long[] offsets = IntStream.range(0, 100).mapToLong(i -> SpeakerPhase.RANDOM.offsetNanos(i, 100, FRAME, random))
                .toArray();
        assertTrue(Arrays.stream(offsets).allMatch(o -> o >= 0 && o < FRAME));
        assertNotEquals(offsets[0], offsets[1]);
        assertTrue(Arrays.stream(offsets).max().getAsLong() - Arrays.stream(offsets).min().getAsLong()
                > FRAME / 2, "spread over the frame");
    }
}
