package dev.calls.ejb.call;

/**
 * One participant's live state in a call. {@code connectionId} is the signaling connection that joined
 * (the media session is keyed by it); {@code raisedHand} is the time the hand went up, 0 when lowered.
 */
public record LiveSession(String sessionId, String userId, String connectionId, long joinAt,
                          boolean unmuted, long raisedHand, boolean screenOn) {

    public LiveSession withUnmuted(boolean value) {
        return new LiveSession(sessionId, userId, connectionId, joinAt, value, raisedHand, screenOn);
    }

    public LiveSession withRaisedHand(long value) {
        return new LiveSession(sessionId, userId, connectionId, joinAt, unmuted, value, screenOn);
    }

    public LiveSession withScreenOn(boolean value) {
        return new LiveSession(sessionId, userId, connectionId, joinAt, unmuted, raisedHand, value);
    }
}
