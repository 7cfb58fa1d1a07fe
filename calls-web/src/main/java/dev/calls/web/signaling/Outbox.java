package dev.calls.web.signaling;

import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import org.jboss.logging.Logger;

/**
 * Everything a connection sends, in order, without blocking whoever produces it: events get the next
 * {@code seq} (from 0, no gaps) as they are queued, and one asynchronous send is in flight at a time.
 * A client that stops reading lets the queue grow to {@link #MAX_QUEUED}; then the connection is closed
 * (1013) rather than holding the server's memory, and the client reconnects.
 */
final class Outbox implements SendHandler {

    static final int MAX_QUEUED = 4096;

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private final Session ws;
    private final Queue<String> queue = new ArrayDeque<>();
    private long nextSeq;
    private boolean sending;
    private boolean closed;

    Outbox(Session ws) {
        this.ws = ws;
    }

    void event(JsonObject event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            enqueue(Frames.withSeq(event, nextSeq++));
        }
    }

    void reply(String reply) {
        synchronized (this) {
            if (closed) {
                return;
            }
            enqueue(reply);
        }
    }

    private void enqueue(String frame) {
        if (queue.size() >= MAX_QUEUED) {
            closed = true;
            queue.clear();
            LOG.debugf("connection %s reads too slowly; closing it", ws.getId());
            closeQuietly(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many frames waiting"));
            return;
        }
        if (sending) {
            queue.add(frame);
        } else {
            sending = true;
            send(frame);
        }
    }

    private void send(String frame) {
        try {
            ws.getAsyncRemote().sendText(frame, this);
        } catch (IllegalStateException e) {
            onResult(new SendResult(e));
        }
    }

    @Override
    public void onResult(SendResult result) {
        String next;
        synchronized (this) {
            if (!result.isOK()) {
                closed = true;
                queue.clear();
                sending = false;
                return;
            }
            next = queue.poll();
            sending = next != null;
        }
        if (next != null) {
            send(next);
        }
    }

    void closeQuietly(CloseReason reason) {
        try {
            ws.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.debugf("closing connection %s: %s", ws.getId(), e.getMessage());
        }
    }
}
