package dev.calls.load.client;

/**
 * What a simulated participant sends: a speaker unmutes and sends Opus-sized audio, a sharer sends a
 * VP8-sized screen share; everyone receives everything the server forwards.
 *
 * @param audioPhaseNanos     where in each 20 ms frame a speaker sends, on the {@link System#nanoTime()} clock
 *                            ({@link SpeakerPhase})
 * @param audioPacketsPerFrame the audio packets a speaker sends every 20 ms: 1 as Opus does (50/s); more for
 *                            the abuse scenario's voice flood, which sends them back to back
 */
public record ParticipantRole(boolean speaker, boolean sharer, long audioPhaseNanos, int audioPacketsPerFrame) {

    /** A participant sending as a browser does: one audio packet per 20 ms frame when it speaks. */
    public ParticipantRole(boolean speaker, boolean sharer, long audioPhaseNanos) {
        this(speaker, sharer, audioPhaseNanos, 1);
    }

    /** A speaker that sends {@code packetsPerSecond} audio packets instead of Opus's 50. */
    public static ParticipantRole flooding(int packetsPerSecond) {
        return new ParticipantRole(true, false, 0, Math.max(1, packetsPerSecond / SimulatedParticipant.AUDIO_FRAMES_PER_SECOND));
    }
}
