package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.jboss.logging.Logger;

import dev.calls.media.peer.Poll;
import dev.calls.media.peer.TestPeer;

/**
 * The contract's WebSocket signaling as a client sees it, over the JDK's WebSocket client: actions with
 * increasing seq and their replies, every event kept in arrival order, and, when a {@link TestPeer} is
 * attached, the server's {@code signal} offers answered as a polite perfect-negotiation peer.
 */
final class SignalingClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(SignalingClient.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final WebSocket ws;
    private final AtomicLong nextSeq = new AtomicLong(1);
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final Map<Long, JsonObject> replies = new ConcurrentHashMap<>();
    private final List<JsonObject> allReplies = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed;
    private final ExecutorService answering;
    private volatile TestPeer peer;

    private SignalingClient(String name, WebSocket ws, CompletableFuture<Integer> closed, ExecutorService answering) {
        this.name = name;
        this.ws = ws;
        this.closed = closed;
        this.answering = answering;
    }

    static URI endpoint(URL base) {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve("api/v1/websocket");
    }

    /** Connects with the given upgrade headers (name, value, ...) and does not wait for anything. */
    static SignalingClient open(String name, URL base, String... headers) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        WebSocket ws = builder.buildAsync(endpoint(base), listener).join();
        ExecutorService answering = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "answers-" + name);
            thread.setDaemon(true);
            return thread;
        });
        SignalingClient client = new SignalingClient(name, ws, listener.closed, answering);
        listener.attach(client);
        return client;
    }

    /** Connects with a bearer token and waits for {@code hello}. */
    static SignalingClient connect(String name, URL base, String token) {
        SignalingClient client = open(name, base, "Authorization", "Bearer " + token);
        client.awaitEvent("hello", d -> true);
        return client;
    }

    String connectionId() {
        return awaitEvent("hello", d -> true).getString("connection_id");
    }

    /** Answers every server offer with this peer from now on. */
    void attach(TestPeer media) {
        this.peer = media;
    }

    /** Sends an action and waits for its reply. */
    JsonObject request(String action, JsonObject data) {
        long seq = nextSeq.getAndIncrement();
        sendText(Json.createObjectBuilder().add("action", action).add("seq", seq).add("data", data).build().toString());
        return Poll.until(TIMEOUT, () -> name + ": reply to " + action + " #" + seq, () -> replies.remove(seq));
    }

    JsonObject request(String action) {
        return request(action, Json.createObjectBuilder().build());
    }

    /** Sends the action and asserts an OK reply; returns its data (or an empty object). */
    JsonObject ok(String action, JsonObject data) {
        JsonObject reply = request(action, data);
        assertEquals("OK", reply.getString("status"), name + ": " + action + " -> " + reply);
        return reply.containsKey("data") && reply.get("data").getValueType() == jakarta.json.JsonValue.ValueType.OBJECT
                ? reply.getJsonObject("data") : Json.createObjectBuilder().build();
    }

    /** Sends the action and asserts a FAIL reply with that error id. */
    void fails(String action, JsonObject data, String errorId) {
        JsonObject reply = request(action, data);
        assertEquals("FAIL", reply.getString("status"), name + ": " + action + " -> " + reply);
        assertEquals(errorId, reply.getJsonObject("error").getString("id"), name + ": " + action + " -> " + reply);
    }

    synchronized void sendText(String text) {
        ws.sendText(text, true).join();
    }

    /** Every reply received so far, in arrival order. */
    List<JsonObject> repliesSoFar() {
        return List.copyOf(allReplies);
    }

    /** The latest FAIL reply received, or null. */
    JsonObject lastFailure() {
        for (int i = allReplies.size() - 1; i >= 0; i--) {
            if ("FAIL".equals(allReplies.get(i).getString("status"))) {
                return allReplies.get(i);
            }
        }
        return null;
    }

    /** The first event of that name whose data matches, waiting for it. */
    JsonObject awaitEvent(String event, Predicate<JsonObject> data) {
        return Poll.until(TIMEOUT, () -> name + ": event " + event + " among " + names(), () -> findEvent(event, data));
    }

    JsonObject findEvent(String event, Predicate<JsonObject> data) {
        for (JsonObject frame : events) {
            if (frame.getString("event").equals(event) && data.test(frame.getJsonObject("data"))) {
                return frame.getJsonObject("data");
            }
        }
        return null;
    }

    /** The data of every event of that name whose data matches, in arrival order. */
    List<JsonObject> events(String event, Predicate<JsonObject> data) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject frame : events) {
            if (frame.getString("event").equals(event) && data.test(frame.getJsonObject("data"))) {
                out.add(frame.getJsonObject("data"));
            }
        }
        return out;
    }

    JsonObject awaitEventOfSession(String event, String sessionId) {
        return awaitEvent(event, d -> sessionId.equals(d.getString("session_id", null)));
    }

    List<String> names() {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.getString("event")));
        return out;
    }

    /** Every event's seq, which must count 0, 1, 2, ... with no gap. */
    void assertSeqWithoutGaps() {
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).getJsonNumber("seq").longValue(), name + ": seq of event " + i + " " + names());
        }
    }

    /** The close code the server closed with, waiting for it. */
    int awaitClose() {
        return closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the connection without a close handshake, as a lost network would. */
    void abort() {
        ws.abort();
        answering.shutdownNow();
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        answering.shutdownNow();
    }

    static JsonObjectBuilder data() {
        return Json.createObjectBuilder();
    }

    private void onFrame(String text) {
        JsonObject frame = Json.createReader(new StringReader(text)).readObject();
        if (frame.containsKey("seq_reply")) {
            replies.put(frame.getJsonNumber("seq_reply").longValue(), frame);
            allReplies.add(frame);
            return;
        }
        events.add(frame);
        TestPeer media = peer;
        JsonObject data = frame.getJsonObject("data");
        if (media != null && "signal".equals(frame.getString("event")) && "offer".equals(data.getString("type", ""))) {
            answering.execute(() -> {
                JsonObject reply = request("sdp", data().add("type", "answer").add("sdp", media.answer(data.getString("sdp"))).build());
                if (!"OK".equals(reply.getString("status"))) {
                    LOG.warnf("%s: answer refused: %s", name, reply);
                }
            });
        }
    }

    /**
     * Frames can arrive before the client exists: the JDK may deliver the first one (hello) on the thread
     * that completes the connection, before {@code buildAsync(...).join()} returns. They wait here.
     */
    private static final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final List<String> early = new ArrayList<>();
        private SignalingClient client;

        synchronized void attach(SignalingClient attached) {
            client = attached;
            early.forEach(attached::onFrame);
            early.clear();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
            partial.append(text);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                synchronized (this) {
                    if (client == null) {
                        early.add(frame);
                    } else {
                        client.onFrame(frame);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
