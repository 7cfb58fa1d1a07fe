package dev.calls.web.signaling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A call session as signaling sees it: which connection carries it now (none while its WebSocket is
 * gone and a {@code reconnect} is awaited), the connection id it joined from (the key a reconnect names),
 * the ICE username fragment of the client's last SDP (to refuse candidates of another session), and
 * the events that arrived while it was detached, delivered when it is reattached.
 */
final class CallBinding {

    /** Events kept for a detached session; older ones are dropped (the client can ask for call_state). */
    static final int MAX_PENDING = 256;

    private final String sessionId;
    private final String callId;
    private final String channelId;
    private final String userId;
    private final String originalConnectionId;
    private Connection connection;
    private Future<?> expiry;
    private String clientUfrag;
    private final List<EventFrame> pending = new ArrayList<>();

    CallBinding(String sessionId, String callId, String channelId, String userId, String originalConnectionId,
                Connection connection) {
        this.sessionId = sessionId;
        this.callId = callId;
        this.channelId = channelId;
        this.userId = userId;
        this.originalConnectionId = originalConnectionId;
        this.connection = connection;
    }

    String sessionId() {
        return sessionId;
    }

    String callId() {
        return callId;
    }

    String channelId() {
        return channelId;
    }

    String userId() {
        return userId;
    }

    String originalConnectionId() {
        return originalConnectionId;
    }

    synchronized Connection connection() {
        return connection;
    }

    synchronized String clientUfrag() {
        return clientUfrag;
    }

    synchronized void clientUfrag(String ufrag) {
        this.clientUfrag = ufrag;
    }

    /** Sends to the carrying connection, or keeps the event until a reconnect. */
    synchronized void deliver(EventFrame event) {
        if (connection != null) {
            connection.event(event);
        } else if (pending.size() < MAX_PENDING) {
            pending.add(event);
        }
    }

    /** The WebSocket went away: hold events, and end the session at {@code expiry} unless reattached first. */
    synchronized void detach(Connection from, Future<?> expiryTask) {
        if (connection == from) {
            connection = null;
            expiry = expiryTask;
        } else {
            expiryTask.cancel(false);
        }
    }

    /** A new WebSocket carries the session; what arrived meanwhile is delivered to it first. Returns the old one. */
    synchronized Connection attach(Connection to) {
        Connection previous = connection;
        connection = to;
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
        pending.forEach(to::event);
        pending.clear();
        return previous;
    }

    synchronized void ended() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
        connection = null;
        pending.clear();
    }
}
