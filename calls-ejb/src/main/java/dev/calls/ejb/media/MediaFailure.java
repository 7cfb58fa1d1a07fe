package dev.calls.ejb.media;

/** What a session is told when its media ends other than on request: the {@code error} event's message. */
public final class MediaFailure {

    private MediaFailure() {
    }

    /** A human explanation of the engine's close reason (the {@code error} event's id). */
    public static String describe(String reason) {
        return switch (reason == null ? "" : reason) {
            case "rtc_timeout" -> "Could not reach the media server over UDP: ICE and DTLS did not complete in time.";
            case "rtc_consent_lost" -> "The media connection was lost: no ICE consent check arrived in time (RFC 7675).";
            case "dtls_failed" -> "The secure media handshake (DTLS) failed.";
            case "dtls_closed" -> "The media connection was closed by the client.";
            case "engine_stopped" -> "The media server is stopping.";
            default -> "The media session ended: " + reason + ".";
        };
    }
}
