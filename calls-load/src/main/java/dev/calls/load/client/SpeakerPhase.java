package dev.calls.load.client;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Where in the 20 ms audio frame each speaker of a call sends. The fan-out of one voice packet to a large
 * call keeps the forwarding threads busy for milliseconds, so whether two speakers' packets arrive together
 * decides the latency of the second: the phases are a property of the load, chosen here rather than left to
 * the moment each speaker happened to connect.
 */
public enum SpeakerPhase {
    /** Each speaker at a random point of the frame, as independent browsers are. */
    RANDOM,
    /** Speakers evenly apart: speaker k of n at k/n of the frame, the least overlap. */
    SPREAD,
    /** Every speaker at the same instant: the most overlap, the worst case. */
    ALIGNED;

    /**
     * The speaker's offset within each frame on the JVM's {@link System#nanoTime()} clock, which every
     * simulated participant shares.
     *
     * @param rank     the speaker's number among its call's speakers, from 0
     * @param speakers how many speakers its call has
     */
    public long offsetNanos(int rank, int speakers, long frameNanos, RandomGenerator random) {
        return switch (this) {
            case RANDOM -> random.nextLong(frameNanos);
            case SPREAD -> frameNanos * rank / speakers;
            case ALIGNED -> 0;
        };
    }

    /** The option's value on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SpeakerPhase named(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
