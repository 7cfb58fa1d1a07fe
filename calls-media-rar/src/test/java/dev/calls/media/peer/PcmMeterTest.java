package dev.calls.media.peer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meter against tones of known level and frequency from {@link SineTone}. */
class PcmMeterTest {

    @Test
    void halfScaleSineHasRmsOfHalfOverRootTwoAndItsOwnToneLevel() {
        PcmMeter meter = new PcmMeter(24_000);
        feed(meter, new SineTone(440, 0.5), 50);

        assertEquals(0.5 / Math.sqrt(2), meter.rms(), 0.005);
        assertEquals(0.5, meter.toneLevel(440), 0.02);
        assertTrue(meter.toneLevel(1_000) < 0.01, "other frequency: " + meter.toneLevel(1_000));
        assertEquals(48_000, meter.sampleRate());
        assertEquals(50L * SineTone.SAMPLES_PER_FRAME, meter.samplesSeen());
    }

    @Test
    void windowKeepsOnlyTheMostRecentSamples() {
        PcmMeter meter = new PcmMeter(4_800);
        feed(meter, new SineTone(440, 0.5), 20);
        feed(meter, new SineTone(1_000, 0.25), 10);

        assertEquals(0.25, meter.toneLevel(1_000), 0.02);
        assertTrue(meter.toneLevel(440) < 0.02, "older tone left the window: " + meter.toneLevel(440));
    }

    @Test
    void resetEmptiesTheWindowAndSilenceMeasuresZero() {
        PcmMeter meter = new PcmMeter(4_800);
        feed(meter, new SineTone(440, 0.5), 10);
        meter.reset();
        assertEquals(0, meter.rms());

        meter.onData(new byte[SineTone.frameBytes()], 16, 48_000, 1, SineTone.SAMPLES_PER_FRAME);
        assertEquals(0, meter.rms());
        assertEquals(0, meter.toneLevel(440));
    }

    @Test
    void readsTheFirstChannelOfInterleavedStereoAndIgnoresOtherSampleFormats() {
        SineTone tone = new SineTone(440, 0.5);
        byte[] mono = new byte[SineTone.frameBytes()];
        PcmMeter meter = new PcmMeter(4_800);
        for (int f = 0; f < 10; f++) {
            tone.nextFrame(mono);
            byte[] stereo = new byte[mono.length * 2];
            for (int i = 0; i < SineTone.SAMPLES_PER_FRAME; i++) {
                stereo[4 * i] = mono[2 * i];
                stereo[4 * i + 1] = mono[2 * i + 1];
            }
            meter.onData(stereo, 16, 48_000, 2, SineTone.SAMPLES_PER_FRAME);
        }
        meter.onData(new byte[960], 8, 48_000, 1, 960);

        assertEquals(0.5, meter.toneLevel(440), 0.03);
        assertEquals(1, meter.unsupportedDeliveries());
    }

    private static void feed(PcmMeter meter, SineTone tone, int frames) {
        byte[] frame = new byte[SineTone.frameBytes()];
        for (int i = 0; i < frames; i++) {
            tone.nextFrame(frame);
            meter.onData(frame, 16, SineTone.SAMPLE_RATE, 1, SineTone.SAMPLES_PER_FRAME);
        }
    }
}
