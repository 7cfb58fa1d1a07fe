package dev.calls.media.peer;

/**
 * A continuous sine tone cut into 10 ms frames of 48 kHz mono 16-bit little-endian PCM, the frame size
 * libwebrtc's audio pipeline works in. The phase carries over from frame to frame so the tone has no clicks
 * that would spread its energy over other frequencies.
 */
public final class SineTone {

    /** The sample rate of every frame. */
    public static final int SAMPLE_RATE = 48_000;

    /** Samples in one 10 ms frame. */
    public static final int SAMPLES_PER_FRAME = SAMPLE_RATE / 100;

    private final double frequencyHz;
    private final double amplitude;
    private long samplesWritten;

    /**
     * @param frequencyHz the tone, below the Nyquist frequency of 24 kHz
     * @param amplitude   peak amplitude as a fraction of full scale, in (0, 1]
     */
    public SineTone(double frequencyHz, double amplitude) {
        if (frequencyHz <= 0 || frequencyHz >= SAMPLE_RATE / 2.0) {
            throw new IllegalArgumentException("frequency out of range: " + frequencyHz);
        }
        if (amplitude <= 0 || amplitude > 1) {
            throw new IllegalArgumentException("amplitude out of range: " + amplitude);
        }
        this.frequencyHz = frequencyHz;
        this.amplitude = amplitude;
    }

    public double frequencyHz() {
        return frequencyHz;
    }

    /** Bytes of one frame. */
    public static int frameBytes() {
        return SAMPLES_PER_FRAME * 2;
    }

    /** Writes the next 10 ms of the tone into {@code frame}, which holds {@link #frameBytes()} bytes. */
    public void nextFrame(byte[] frame) {
        if (frame.length < frameBytes()) {
            throw new IllegalArgumentException("frame too short: " + frame.length);
        }
        double peak = amplitude * Short.MAX_VALUE;
        for (int i = 0; i < SAMPLES_PER_FRAME; i++) {
            double t = (double) (samplesWritten + i) / SAMPLE_RATE;
            int sample = (int) Math.round(peak * Math.sin(2 * Math.PI * frequencyHz * t));
            frame[2 * i] = (byte) sample;
            frame[2 * i + 1] = (byte) (sample >> 8);
        }
        samplesWritten += SAMPLES_PER_FRAME;
    }
}
