package dev.calls.web.signaling;

import dev.calls.limits.Limit;
import dev.calls.limits.TokenBucket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket: its connection id (the {@code hello}'s {@code connection_id}), the user it authenticated
 * as, its outbox, its action rate limit, and the call session it carries, if any. Messages of one
 * WebSocket arrive one at a time; events reach the outbox from any thread and are written by its sender.
 */
final class Connection {

    private final String id;
    private final Session ws;
    private final Outbox outbox;
    private final TokenBucket actions = new TokenBucket(Limit.ACTIONS_PER_SECOND.value(), Limit.ACTION_BURST.value(), System.nanoTime());
    private volatile String userId;
    private volatile CallBinding binding;
    private volatile Future<?> authDeadline;
    private final AtomicBoolean awaiting = new AtomicBoolean();

    /** {@code sender} runs the outbox's writes, so whoever hands it a frame never writes to the socket. */
    Connection(String id, Session ws, Executor sender) {
        this.id = id;
        this.ws = ws;
        this.outbox = new Outbox(ws, sender);
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    boolean authenticated() {
        return userId != null;
    }

    void authenticated(String user) {
        this.userId = user;
        Future<?> deadline = authDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /** The connection counts among those waiting for their authentication frame. */
    void awaitingAuthentication() {
        awaiting.set(true);
    }

    /**
     * Whether the connection stopped waiting for authentication just now (authenticated or closed): true
     * once, so that it leaves the count of waiting connections exactly once.
     */
    boolean authenticationEnded() {
        return awaiting.compareAndSet(true, false);
    }

    void authDeadline(Future<?> deadline) {
        this.authDeadline = deadline;
    }

    CallBinding binding() {
        return binding;
    }

    void binding(CallBinding value) {
        this.binding = value;
    }

    boolean tryAction() {
        return actions.tryTake(System.nanoTime());
    }

    void event(EventFrame event) {
        outbox.event(event);
    }

    void reply(String reply) {
        outbox.reply(reply);
    }

    /** Closes once the frames queued so far are sent: the last thing the client reads is what came before. */
    void closeWhenSent(CloseReason.CloseCode code, String reason) {
        outbox.closeWhenSent(new CloseReason(code, reason));
    }

    void close(CloseReason.CloseCode code, String reason) {
        outbox.closeQuietly(new CloseReason(code, reason));
    }

    boolean isOpen() {
        return ws.isOpen();
    }
}
