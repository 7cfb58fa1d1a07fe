package dev.calls.media.sfu;

/**
 * Tells speech from silence for one voice track from the RFC 6464 audio level each packet carries
 * (0 is the loudest, 127 silence, in -dBov). Levels are smoothed, and the state changes only after
 * the smoothed level has stayed on the other side of a threshold for a while, with separate thresholds
 * for on and off, so that pauses between words and a single loud packet do not flap the indicator.
 * One instance per published voice track, fed by the thread that receives that track.
 */
public final class VoiceActivity {

    /** Smoothed level (-dBov) at or below which a track counts as speaking. */
    static final int ON_LEVEL = 50;
    /** Smoothed level above which a speaking track counts as quiet again; above ON_LEVEL for hysteresis. */
    static final int OFF_LEVEL = 60;
    /** Packets the level must stay loud before "voice on": 100 ms of 20 ms Opus packets. */
    static final int ON_PACKETS = 5;
    /** Packets the level must stay quiet before "voice off": about one second. */
    static final int OFF_PACKETS = 50;

    private int smoothed = 127 << 4;
    private boolean speaking;
    private int run;

    /**
     * Takes the next packet's level and returns whether the speaking state changed with it;
     * {@link #speaking()} then tells the new state.
     */
    public boolean update(int level) {
        // Exponential moving average with weight 1/4, in fixed point (4 fractional bits).
        smoothed += ((Math.min(127, Math.max(0, level)) << 4) - smoothed) >> 2;
        int current = smoothed >> 4;
        boolean towardsChange = speaking ? current > OFF_LEVEL : current <= ON_LEVEL;
        if (!towardsChange) {
            run = 0;
            return false;
        }
        run++;
        if (run < (speaking ? OFF_PACKETS : ON_PACKETS)) {
            return false;
        }
        speaking = !speaking;
        run = 0;
        return true;
    }

    /** Forgets the state, as when the track is muted: a muted track is not speaking. Returns whether it was. */
    public boolean reset() {
        boolean was = speaking;
        speaking = false;
        run = 0;
        smoothed = 127 << 4;
        return was;
    }

    public boolean speaking() {
        return speaking;
    }
}
