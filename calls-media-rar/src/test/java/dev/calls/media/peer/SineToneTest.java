package dev.calls.media.peer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SineToneTest {

    @Test
    void framesContinueThePhaseAndPeakAtTheAmplitude() {
        SineTone tone = new SineTone(1_000, 0.5);
        byte[] first = new byte[SineTone.frameBytes()];
        byte[] second = new byte[SineTone.frameBytes()];
        tone.nextFrame(first);
        tone.nextFrame(second);

        // 1 kHz at 48 kHz: sample 12 is a quarter period, the positive peak; 480 samples are 10 whole periods,
        // so the second frame repeats the first exactly when the phase carries over.
        assertEquals((int) Math.round(0.5 * Short.MAX_VALUE), sample(first, 12));
        assertEquals(0, sample(first, 0));
        for (int i = 0; i < SineTone.SAMPLES_PER_FRAME; i++) {
            assertEquals(sample(first, i), sample(second, i), "sample " + i);
        }
    }

    @Test
    void rejectsFrequenciesAboveNyquistAndShortFrames() {
        assertThrows(IllegalArgumentException.class, () -> new SineTone(24_000, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SineTone(440, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new SineTone(440, 0.5).nextFrame(new byte[10]));
    }

    private static int sample(byte[] frame, int index) {
        return (short) ((frame[2 * index] & 0xff) | (frame[2 * index + 1] << 8));
    }
}
