package dev.calls.ear.browser;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The longest stretch in which no new packet of a speaker's voice reached a listener's page, read from the
 * inbound-rtp packet count of its peer connection ({@code getStats}) sampled while the test waits for
 * something else: the audio gap a fault caused, to the sampling's resolution (a few hundred milliseconds).
 * A count that changes counts as new packets, also when a rejoin's new peer connection starts it again.
 */
final class VoiceGaps {

    private final Browser listener;
    private final String track;
    private long lastCount = -1;
    private long lastNewAt;
    private long longest;

    VoiceGaps(Browser listener, String speakerSession) {
        this.listener = listener;
        this.track = "voice_" + speakerSession;
        sample();
    }

    /** Waits until the condition holds, sampling meanwhile; fails after the timeout. */
    void sampleUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + "; longest voice gap so far " + longestMillis() + " ms");
            }
            sample();
        }
        sample();
    }

    /** The longest stretch without a new packet so far, the one going on included. */
    long longestMillis() {
        return Math.max(longest, System.currentTimeMillis() - lastNewAt);
    }

    private void sample() {
        long count = Media.packets(listener, track);
        long now = System.currentTimeMillis();
        if (lastCount < 0 || (count > 0 && count != lastCount)) {
            if (lastCount >= 0) {
                longest = Math.max(longest, now - lastNewAt);
            }
            lastCount = count;
            lastNewAt = now;
        }
    }
}
