package dev.calls.ejb.call;

import java.io.Serializable;

/**
 * One participant's live state in a call. {@code connectionId} is the signaling connection that joined
 * (the media session is keyed by it); {@code raisedHand} is the time the hand went up, 0 when lowered;
 * {@code screenStreamId} names the client's screen MediaStream while it shares, null otherwise.
 */
public record LiveSession(String sessionId, String userId, String connectionId, long joinAt,
                          boolean unmuted, long raisedHand, String screenStreamId) implements Serializable {

    public boolean screenOn() {
        return screenStreamId != null;
    }

    public LiveSession withUnmuted(boolean value) {
        return new LiveSession(sessionId, userId, connectionId, joinAt, value, raisedHand, screenStreamId);
    }

    public LiveSession withRaisedHand(long value) {
        return new LiveSession(sessionId, userId, connectionId, joinAt, unmuted, value, screenStreamId);
    }

    /** Shares the named screen stream, or stops sharing with {@code null}. */
    public LiveSession withScreenStream(String value) {
        return new LiveSession(sessionId, userId, connectionId, joinAt, unmuted, raisedHand, value);
    }
}
