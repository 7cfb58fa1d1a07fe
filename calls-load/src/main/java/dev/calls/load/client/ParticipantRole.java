package dev.calls.load.client;

/**
 * What a simulated participant sends: a speaker unmutes and sends Opus-sized audio, a sharer sends a
 * VP8-sized screen share; everyone receives everything the server forwards.
 */
public record ParticipantRole(boolean speaker, boolean sharer) {
}
