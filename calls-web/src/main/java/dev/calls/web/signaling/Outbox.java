package dev.calls.web.signaling;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * Everything a connection sends, in the order it was handed over, without the producer ever writing to
 * the socket: queuing is all a producer does (it may hold a call's lock, and a join's
 * {@code user_joined} goes to every member of the channel). The connection's sender — a task on
 * {@code sender} while the queue was idle, then the completion of each asynchronous send — writes the
 * frames one at a time, giving each event the next {@code seq} (from 0, no gaps) as it goes out.
 * A client that stops reading lets the queue grow to {@link #MAX_QUEUED}; then the connection is closed
 * (1013) rather than holding the server's memory, and the client reconnects.
 */
final class Outbox implements SendHandler {

    static final int MAX_QUEUED = 4096;

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private final Session ws;
    private final Executor sender;
    /**
     * Events ({@link EventFrame}, without their seq), replies (already a frame, {@link String}) and, last,
     * a {@link CloseReason} to close with once everything before it is sent.
     */
    private final Queue<Object> queue = new ArrayDeque<>();
    private long nextSeq;
    private boolean sending;
    private boolean closed;
    /** A send was handed to the container and has not returned yet. */
    private boolean writing;
    /** The send in {@link #writing} completed before it returned: the writing thread goes on. */
    private boolean completedEarly;

    Outbox(Session ws, Executor sender) {
        this.ws = ws;
        this.sender = sender;
    }

    void event(EventFrame event) {
        offer(event);
    }

    void reply(String reply) {
        offer(reply);
    }

    /** Closes the socket with {@code reason} once the frames queued before are sent; nothing is queued after. */
    void closeWhenSent(CloseReason reason) {
        offer(reason);
    }

    private void offer(Object frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= MAX_QUEUED) {
                closed = true;
                queue.clear();
                LOG.debugf("connection %s reads too slowly; closing it", ws.getId());
                closeQuietly(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many frames waiting"));
                return;
            }
            queue.add(frame);
            if (sending) {
                return;
            }
            sending = true;
        }
        try {
            sender.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.debugf("connection %s: no sender (%s); closing it", ws.getId(), e.getMessage());
            synchronized (this) {
                closed = true;
                queue.clear();
                sending = false;
            }
            closeQuietly(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
        }
    }

    /**
     * Sends frames until the queue is empty or a send is still in flight (its completion goes on). Only
     * one runs at a time. A send that completes before {@code sendText} returns is followed by the next
     * one in this loop rather than from its completion, so a long queue never deepens the stack.
     */
    private void drain() {
        while (true) {
            String frame = null;
            CloseReason last = null;
            synchronized (this) {
                Object next = closed ? null : queue.poll();
                if (next instanceof EventFrame event) {
                    frame = event.withSeq(nextSeq++);
                } else if (next instanceof String reply) {
                    frame = reply;
                } else {
                    sending = false;
                    if (next instanceof CloseReason reason) {
                        closed = true;
                        queue.clear();
                        last = reason;
                    }
                }
                writing = frame != null;
                completedEarly = false;
            }
            if (frame == null) {
                if (last != null) {
                    closeQuietly(last);
                }
                return;
            }
            try {
                ws.getAsyncRemote().sendText(frame, this);
            } catch (IllegalStateException e) {
                onResult(new SendResult(e));
            }
            synchronized (this) {
                writing = false;
                if (!completedEarly) {
                    return;
                }
            }
        }
    }

    @Override
    public void onResult(SendResult result) {
        synchronized (this) {
            if (!result.isOK()) {
                closed = true;
                queue.clear();
                sending = false;
                return;
            }
            if (writing) {
                completedEarly = true;
                return;
            }
        }
        drain();
    }

    void closeQuietly(CloseReason reason) {
        try {
            ws.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.debugf("closing connection %s: %s", ws.getId(), e.getMessage());
        }
    }
}
