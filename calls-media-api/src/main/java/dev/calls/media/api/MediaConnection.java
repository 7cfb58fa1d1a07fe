package dev.calls.media.api;

import java.util.Map;

/**
 * Commands to the media engine. Sessions are named by the caller's session id; everything the engine
 * reports back arrives as {@link MediaEvent}s at the {@link MediaEventListener}.
 */
public interface MediaConnection extends AutoCloseable {

    /** Whether the engine runs, the UDP port it serves and the address it advertises in candidates. */
    EngineStatus status();

    /** The product settings configured on the resource adapter; available while the engine is down, too. */
    CallSettings settings();

    /** The engine's counters; {@link EngineStats#NONE} while it is not running. */
    EngineStats stats();

    /**
     * Per call with media sessions, the epoch millisecond the engine last heard any of them (opened, or an
     * authenticated SRTP/SRTCP packet, to 100 ms); empty while the engine is not running.
     */
    Map<String, Long> lastHeard();

    /** Creates the media session of one participant of one call; no media flows until its offer is answered. */
    void openSession(String callId, String sessionId) throws MediaException;

    /** Takes the client's SDP offer and returns the engine's answer (ICE-lite, passive DTLS). */
    String acceptOffer(String sessionId, String sdpOffer) throws MediaException;

    /** Takes the client's SDP answer to the last offer the engine sent it. */
    void acceptAnswer(String sessionId, String sdpAnswer) throws MediaException;

    /** Stops or resumes forwarding this session's voice to the rest of the call. */
    void setMuted(String sessionId, boolean muted) throws MediaException;

    /** Marks the client's MediaStream with this id as its screen share, or clears it when {@code null}. */
    void setScreenStream(String sessionId, String streamId) throws MediaException;

    /** Closes the session's media; the engine reports {@link MediaEvent.Type#CLOSED} with the reason. */
    void closeSession(String sessionId, String reason);

    @Override
    void close();
}
