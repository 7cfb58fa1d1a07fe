package dev.calls.ejb.call;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An immutable snapshot of a running call: the contract's CallState. Changes make a new snapshot, so a
 * {@link CallStateStore} can swap it atomically and a replicated store can ship it as a value (its
 * sessions are held in an immutable, serializable list).
 * Sessions are kept in join order; the first one is the longest present.
 */
public record LiveCall(String id, String channelId, long startAt, String ownerId, String hostId, String threadId,
                       String screenSharingSessionId, List<LiveSession> sessions) implements Serializable {

    public LiveCall {
        sessions = List.copyOf(sessions);
    }

    public Optional<LiveSession> session(String sessionId) {
        return sessions.stream().filter(s -> s.sessionId().equals(sessionId)).findFirst();
    }

    public Optional<LiveSession> sessionOfConnection(String connectionId) {
        return sessions.stream().filter(s -> s.connectionId().equals(connectionId)).findFirst();
    }

    public boolean hasUser(String userId) {
        return sessions.stream().anyMatch(s -> s.userId().equals(userId));
    }

    public LiveCall withSession(LiveSession session) {
        List<LiveSession> next = new ArrayList<>(sessions);
        next.add(session);
        return new LiveCall(id, channelId, startAt, ownerId, hostId, threadId, screenSharingSessionId, next);
    }

    public LiveCall withoutSession(String sessionId) {
        List<LiveSession> next = new ArrayList<>(sessions);
        next.removeIf(s -> s.sessionId().equals(sessionId));
        String sharing = sessionId.equals(screenSharingSessionId) ? null : screenSharingSessionId;
        return new LiveCall(id, channelId, startAt, ownerId, hostId, threadId, sharing, next);
    }

    public LiveCall withSessionChanged(String sessionId, UnaryOperator<LiveSession> change) {
        List<LiveSession> next = new ArrayList<>(sessions.size());
        for (LiveSession s : sessions) {
            next.add(s.sessionId().equals(sessionId) ? change.apply(s) : s);
        }
        return new LiveCall(id, channelId, startAt, ownerId, hostId, threadId, screenSharingSessionId, next);
    }

    public LiveCall withHost(String newHostId) {
        return new LiveCall(id, channelId, startAt, ownerId, newHostId, threadId, screenSharingSessionId, sessions);
    }

    public LiveCall withScreenSharingSession(String sessionId) {
        return new LiveCall(id, channelId, startAt, ownerId, hostId, threadId, sessionId, sessions);
    }
}
