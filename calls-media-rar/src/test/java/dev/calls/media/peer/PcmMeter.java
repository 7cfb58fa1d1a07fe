package dev.calls.media.peer;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;

/**
 * Measures the decoded PCM of a remote audio track: the RMS level and the level of a given tone over the
 * most recent window of samples. This is evidence of audio arriving that does not depend on libwebrtc's
 * statistics: the samples are the decoder's output as the playout pulls it.
 * <p>
 * libwebrtc calls {@link #onData} on the audio device module's playout thread every 10 ms, with silence
 * while nothing arrives; readers on other threads see a consistent window because every method is
 * synchronized (this is test code, not a packet path).
 */
public final class PcmMeter implements AudioTrackSink {

    private final double[] window;
    private int writeIndex;
    private int filled;
    private int sampleRate;
    private long samplesSeen;
    private long callbacksWithUnsupportedFormat;

    /** @param windowSamples how many of the most recent (first-channel) samples to keep */
    public PcmMeter(int windowSamples) {
        if (windowSamples <= 0) {
            throw new IllegalArgumentException("window must hold at least one sample");
        }
        this.window = new double[windowSamples];
    }

    @Override
    public synchronized void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (bitsPerSample != 16 || channels < 1 || data.length < frames * channels * 2) {
            callbacksWithUnsupportedFormat++;
            return;
        }
        this.sampleRate = sampleRate;
        int stride = channels * 2;
        for (int i = 0; i < frames; i++) {
            int at = i * stride;
            // libwebrtc hands over interleaved native-order int16 samples; x86-64 and arm64 are little-endian.
            short sample = (short) ((data[at] & 0xff) | (data[at + 1] << 8));
            window[writeIndex] = sample / 32768.0;
            writeIndex = (writeIndex + 1) % window.length;
            if (filled < window.length) {
                filled++;
            }
        }
        samplesSeen += frames;
    }

    /** Samples (per channel) delivered since the meter was attached. */
    public synchronized long samplesSeen() {
        return samplesSeen;
    }

    /** Sample rate of the last delivery, 0 before the first. */
    public synchronized int sampleRate() {
        return sampleRate;
    }

    /** Deliveries ignored because they were not 16-bit PCM. */
    public synchronized long unsupportedDeliveries() {
        return callbacksWithUnsupportedFormat;
    }

    /** RMS of the window as a fraction of full scale: 0 for silence, about 0.35 for a half-scale sine. */
    public synchronized double rms() {
        if (filled == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < filled; i++) {
            double s = window[index(i)];
            sum += s * s;
        }
        return Math.sqrt(sum / filled);
    }

    /**
     * Estimated peak amplitude (fraction of full scale) of the component at {@code frequencyHz} in the
     * window, by the Goertzel algorithm; a sine of amplitude A at that frequency gives about A, other
     * frequencies far from it give about 0. Lets a test tell which sender's tone it is hearing.
     */
    public synchronized double toneLevel(double frequencyHz) {
        if (filled == 0 || sampleRate == 0) {
            return 0;
        }
        double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = 0; i < filled; i++) {
            double current = window[index(i)] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious
                - coefficient * previous * beforePrevious;
        return 2 * Math.sqrt(Math.max(power, 0)) / filled;
    }

    /** Empties the window, so the next readings cover only samples delivered from now on. */
    public synchronized void reset() {
        filled = 0;
        writeIndex = 0;
    }

    /** Index of the i-th oldest sample in the window. */
    private int index(int i) {
        int oldest = filled < window.length ? 0 : writeIndex;
        return (oldest + i) % window.length;
    }
}
