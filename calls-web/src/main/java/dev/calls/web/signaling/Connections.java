package dev.calls.web.signaling;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.event.EventDelivery;
import dev.calls.ejb.service.CallLifecycle;
import dev.calls.limits.Limit;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Every open signaling connection and every call session they carry, and the delivery of the services'
 * events to them: channel events to every connection of every member, participant and session events
 * to the connections carrying those sessions. A session whose WebSocket drops stays in its call for
 * {@link #RECONNECT_SECONDS}, its media flowing, waiting for a {@code reconnect}; then it leaves. The
 * connections a user holds and those waiting to authenticate are capped ({@link Limit}).
 */
@ApplicationScoped
public class Connections {

    static final int RECONNECT_SECONDS = 30;
    static final int AUTHENTICATION_SECONDS = 5;
    private static final String GOING_AWAY = "server shutting down";
    private static final long CLOSE_POLL_MILLIS = 20;

    private static final Logger LOG = Logger.getLogger(Connections.class);

    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, CallBinding> bySession = new ConcurrentHashMap<>();
    private final Map<String, CallBinding> byOriginalConnection = new ConcurrentHashMap<>();
    /** Connections waiting for their authentication frame. */
    private final AtomicInteger unauthenticated = new AtomicInteger();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService senders;

    @Inject
    CallLifecycle lifecycle;

    /** Where the connections' outboxes write their frames: never on the thread that produced them. */
    public Executor sender() {
        return senders;
    }

    /**
     * Closes the connection with 1008 unless it authenticates in time. At most
     * {@link Limit#UNAUTHENTICATED_WEBSOCKETS} wait at once: one more is closed at once with 1013 (try again
     * later), so sockets opened only to be held cannot take the server's file descriptors.
     */
    public void awaitAuthentication(Connection connection) {
        if (unauthenticated.incrementAndGet() > Limit.UNAUTHENTICATED_WEBSOCKETS.value()) {
            unauthenticated.decrementAndGet();
            connection.close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many connections waiting to authenticate");
            return;
        }
        connection.awaitingAuthentication();
        connection.authDeadline(scheduler.schedule(() -> {
            if (!connection.authenticated()) {
                connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, "not authenticated within "
                        + AUTHENTICATION_SECONDS + " s");
            }
        }, AUTHENTICATION_SECONDS, TimeUnit.SECONDS));
    }

    /**
     * Counts the authenticated connection among its user's and queues its {@code hello} (first, so that
     * it is seq 0 before any channel event) — unless the user has {@link Limit#WEBSOCKETS_PER_USER} open
     * already: then it is closed with 1008 and gets no {@code hello}.
     */
    void authenticated(Connection connection, String userId, EventFrame hello) {
        if (connection.authenticationEnded()) {
            unauthenticated.decrementAndGet();
        }
        boolean[] admitted = {false};
        byUser.compute(userId, (k, open) -> {
            Set<Connection> set = open == null ? ConcurrentHashMap.newKeySet() : open;
            if (set.size() < Limit.WEBSOCKETS_PER_USER.value()) {
                connection.authenticated(userId);
                connection.event(hello);
                set.add(connection);
                admitted[0] = true;
            }
            return set.isEmpty() ? null : set;
        });
        if (!admitted[0]) {
            connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, "more than " + Limit.WEBSOCKETS_PER_USER.value()
                    + " connections of one user");
        }
    }

    /** The connection joined a call: it carries the new session. */
    public CallBinding bind(Connection connection, String sessionId, String callId, String channelId) {
        CallBinding binding = new CallBinding(sessionId, callId, channelId, connection.userId(), connection.id(), connection);
        bySession.put(sessionId, binding);
        byOriginalConnection.put(connection.id(), binding);
        connection.binding(binding);
        return binding;
    }

    /**
     * Moves the session that joined from {@code originalConnectionId} to this connection, if it is the
     * same user's and still in its call. The old WebSocket, should it still be open, is closed.
     */
    public CallBinding reattach(Connection connection, String originalConnectionId, String channelId) {
        CallBinding binding = byOriginalConnection.get(originalConnectionId);
        if (binding == null || !binding.userId().equals(connection.userId())
                || (channelId != null && !channelId.isEmpty() && !channelId.equals(binding.channelId()))) {
            throw CallsException.notFound("session_not_found",
                    "No session of yours joined from connection " + originalConnectionId + " is waiting for a reconnect.");
        }
        Connection previous = binding.attach(connection);
        connection.binding(binding);
        if (previous != null && previous != connection) {
            previous.binding(null);
            previous.close(CloseReason.CloseCodes.NORMAL_CLOSURE, "reconnected elsewhere");
        }
        return binding;
    }

    /** A deactivated account keeps no WebSocket: each of its connections is closed with 1008. */
    public void closeUser(String userId) {
        for (Connection connection : byUser.getOrDefault(userId, Set.of())) {
            connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, "account deactivated");
        }
    }

    /**
     * The server goes away: every authenticated connection is closed with 1001 once the frames queued for
     * it are sent (the {@code call_end} of a drain goes out first), waiting at most until
     * {@code deadlineNanos} ({@link System#nanoTime()}); those still open then are closed at once.
     */
    public void closeAll(long deadlineNanos) throws InterruptedException {
        List<Connection> open = byUser.values().stream().flatMap(Set::stream).toList();
        for (Connection connection : open) {
            connection.closeWhenSent(CloseReason.CloseCodes.GOING_AWAY, GOING_AWAY);
        }
        while (open.stream().anyMatch(Connection::isOpen) && System.nanoTime() - deadlineNanos < 0) {
            Thread.sleep(CLOSE_POLL_MILLIS);
        }
        for (Connection connection : open) {
            if (connection.isOpen()) {
                connection.close(CloseReason.CloseCodes.GOING_AWAY, GOING_AWAY);
            }
        }
    }

    /** The WebSocket closed: a session it carried waits {@link #RECONNECT_SECONDS} for a reconnect, then leaves. */
    public void disconnected(Connection connection) {
        if (connection.authenticationEnded()) {
            unauthenticated.decrementAndGet();
        }
        String userId = connection.userId();
        if (userId != null) {
            byUser.computeIfPresent(userId, (k, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
        CallBinding binding = connection.binding();
        if (binding != null) {
            binding.detach(connection, scheduler.schedule(() -> expire(binding), RECONNECT_SECONDS, TimeUnit.SECONDS));
        }
    }

    private void expire(CallBinding binding) {
        if (binding.connection() == null && bySession.get(binding.sessionId()) == binding) {
            LOG.debugf("session %s was not reconnected within %d s; it leaves", binding.sessionId(), RECONNECT_SECONDS);
            lifecycle.leave(binding.sessionId());
        }
    }

    /**
     * Hands each event, from the services and the engine alike (see CallEvents), to the outbox of every
     * connection it names, in the order published: one transaction's events come in the order they were
     * fired, so a removed session hears its {@code host_removed} before the {@code user_left} that unbinds
     * it. Only queuing happens here — the outboxes' senders write — because whoever fired it may still hold
     * a call's lock.
     */
    public void deliver(@Observes EventDelivery event) {
        EventFrame frame = EventJson.frame(event.event(), event.channelId());
        switch (event.audience()) {
            case CHANNEL -> {
                for (String userId : event.recipients()) {
                    for (Connection connection : byUser.getOrDefault(userId, Set.of())) {
                        connection.event(frame);
                    }
                }
            }
            case PARTICIPANTS, SESSION -> {
                for (String sessionId : event.recipients()) {
                    CallBinding binding = bySession.get(sessionId);
                    if (binding != null) {
                        binding.deliver(frame);
                    }
                }
            }
        }
        if (event.event() instanceof CallEvent.UserLeft left) {
            unbind(left.sessionId());
        }
    }

    /** The session left its call (for whatever reason): its connection no longer carries it. */
    private void unbind(String sessionId) {
        CallBinding binding = bySession.remove(sessionId);
        if (binding == null) {
            return;
        }
        byOriginalConnection.remove(binding.originalConnectionId(), binding);
        Connection connection = binding.connection();
        binding.ended();
        if (connection != null && connection.binding() == binding) {
            connection.binding(null);
        }
    }
}
