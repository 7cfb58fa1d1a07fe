package dev.calls.load.client;

/**
 * What a simulated participant sends: a speaker unmutes and sends Opus-sized audio, a sharer sends a
 * VP8-sized screen share; everyone receives everything the server forwards.
 *
 * @param audioPhaseNanos where in each 20 ms frame a speaker sends, on the {@link System#nanoTime()} clock
 *                        ({@link SpeakerPhase})
 */
public record ParticipantRole(boolean speaker, boolean sharer, long audioPhaseNanos) {
}
