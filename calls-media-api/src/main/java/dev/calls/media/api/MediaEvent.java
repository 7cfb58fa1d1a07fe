package dev.calls.media.api;

/**
 * Something the engine reports about a session. {@code detail} carries the SDP of an {@link Type#OFFER},
 * the reason of a {@link Type#CLOSED} (for example {@code rtc_timeout}), or the track id of a track event.
 */
public record MediaEvent(Type type, String callId, String sessionId, String detail) {

    public enum Type {
        /** ICE and DTLS completed: media can flow. */
        CONNECTED,
        /** The session's media ended; detail is the reason. */
        CLOSED,
        VOICE_ON,
        VOICE_OFF,
        TRACK_ADDED,
        TRACK_REMOVED,
        /** The engine needs the client to answer this SDP offer (tracks added or removed). */
        OFFER
    }
}
