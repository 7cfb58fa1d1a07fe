package dev.calls.load.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.json.JsonObject;

import org.jboss.logging.Logger;

import dev.calls.load.signaling.SignalingException;

/**
 * One WebSocket of the contract's signaling over the JDK's client: sends actions with increasing
 * {@code seq} and completes each one's future with its reply. Every frame from the server, replies
 * included, goes to the consumer given at opening, in arrival order, on the client's delivery thread: the
 * consumer must not block. Sends never block either: the JDK allows one outstanding send per WebSocket,
 * so each is chained after the previous one.
 */
public final class SignalingSocket implements WebSocket.Listener {

    private static final Logger LOG = Logger.getLogger(SignalingSocket.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<ServerFrame> frames;
    private final Runnable onLost;
    private final AtomicLong nextSeq = new AtomicLong(1);
    private final Map<Long, CompletableFuture<ServerFrame.Reply>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<String> hello = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket ws;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private boolean closing;
    private volatile int closeCode = -1;

    private SignalingSocket(Consumer<ServerFrame> frames, Runnable onLost) {
        this.frames = frames;
        this.onLost = onLost;
    }

    /**
     * Opens the WebSocket at {@code endpoint} with the token; completes once {@code hello} has arrived.
     * {@code onLost} runs when the server closes the connection or it fails, not after {@link #close}.
     */
    static CompletableFuture<SignalingSocket> open(HttpClient http, URI endpoint, String token,
            Consumer<ServerFrame> frames, Runnable onLost) {
        return connect(http, endpoint, frames, onLost, "Authorization", "Bearer " + token)
                .thenCompose(socket -> socket.hello.thenApply(connectionId -> socket));
    }

    /**
     * Opens the WebSocket at {@code endpoint} with the given upgrade headers (name, value, ...), which may
     * authenticate it or not (the contract's {@code authentication_challenge}); completes once the upgrade
     * is done, without waiting for {@code hello}.
     */
    public static CompletableFuture<SignalingSocket> connect(HttpClient http, URI endpoint, Consumer<ServerFrame> frames,
            Runnable onLost, String... headers) {
        SignalingSocket socket = new SignalingSocket(frames, onLost);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.buildAsync(endpoint, socket).thenApply(webSocket -> {
            // The JDK does not promise that onOpen has run by now, and the caller may send at once.
            socket.ws = webSocket;
            return socket;
        });
    }

    /** The signaling endpoint under {@code base}, the context root of the calls web module. */
    public static URI endpoint(URI base) {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve("api/v1/websocket");
    }

    /** Sends the action; the future completes with its reply, or exceptionally when the connection is lost. */
    public CompletableFuture<ServerFrame.Reply> request(String action, JsonObject data) {
        long seq = nextSeq.getAndIncrement();
        CompletableFuture<ServerFrame.Reply> reply = new CompletableFuture<>();
        pending.put(seq, reply);
        if (closed.isDone()) {
            lost();
        } else {
            sendText(new ClientAction(action, seq, data).toJson());
        }
        return reply;
    }

    /**
     * Sends one text frame as it is, after what was sent before: an action the caller wrote itself, or one
     * that is no action at all. Its reply, if any, reaches only the frame consumer. Completes when sent.
     */
    public synchronized CompletableFuture<?> sendText(String text) {
        sending = sending.handle((ignored, failure) -> null).thenCompose(ignored -> ws.sendText(text, true))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.debugf("sending a frame failed: %s", failure.toString());
                        lost();
                    }
                });
        return sending;
    }

    /** Closes with a normal closure after what was sent before; completes when the server has closed too. */
    public synchronized CompletableFuture<Void> close() {
        if (!closing && !closed.isDone()) {
            closing = true;
            sending = sending.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                    .whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            ws.abort();
                            closed.complete(null);
                        }
                    });
        }
        return closed;
    }

    /** Drops the connection without a close handshake, as a lost network would. */
    public void abort() {
        ws.abort();
    }

    /** Completes when the connection is closed, whoever closed it. */
    public CompletableFuture<Void> closedFuture() {
        return closed;
    }

    /** The status code of the close frame that ended the connection (RFC 6455 §7.4); -1 while open or when none came. */
    public int closeCode() {
        return closeCode;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        ws = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
        partial.append(text);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            deliver(frame);
        }
        webSocket.request(1);
        return null;
    }

    private void deliver(String text) {
        ServerFrame frame;
        try {
            frame = ServerFrame.parse(text);
        } catch (SignalingException e) {
            LOG.warnf("ignoring a frame from the server: %s", e.getMessage());
            return;
        }
        if (frame instanceof ServerFrame.Event event && "hello".equals(event.name())) {
            hello.complete(event.text("connection_id"));
        }
        // The consumer sees a reply before its requester wakes, so the requester finds it among the frames too.
        frames.accept(frame);
        if (frame instanceof ServerFrame.Reply reply) {
            CompletableFuture<ServerFrame.Reply> waiting = pending.remove(reply.seqReply());
            if (waiting != null) {
                waiting.complete(reply);
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        boolean expected;
        synchronized (this) {
            expected = closing;
        }
        closeCode = statusCode;
        closed.complete(null);
        hello.completeExceptionally(new SignalingException("closed by the server: " + statusCode + " " + reason));
        lost();
        if (!expected) {
            onLost.run();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        boolean expected;
        synchronized (this) {
            expected = closing;
        }
        closed.complete(null);
        hello.completeExceptionally(error);
        lost();
        if (!expected) {
            onLost.run();
        }
    }

    /** Fails every request still waiting for its reply. */
    private void lost() {
        for (Long seq : pending.keySet()) {
            CompletableFuture<ServerFrame.Reply> waiting = pending.remove(seq);
            if (waiting != null) {
                waiting.completeExceptionally(new SignalingException("the WebSocket closed before the reply"));
            }
        }
    }
}
