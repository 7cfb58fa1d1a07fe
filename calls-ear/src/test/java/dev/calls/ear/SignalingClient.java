package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.jboss.logging.Logger;

import dev.calls.load.contract.ServerFrame;
import dev.calls.load.contract.SignalingSocket;
import dev.calls.media.peer.Poll;
import dev.calls.media.peer.TestPeer;

/**
 * The contract's WebSocket signaling as a test sees it, over the load tool's {@link SignalingSocket}:
 * blocking actions whose replies are checked, every reply and event kept in arrival order, and, when a
 * {@link TestPeer} is attached, the server's {@code signal} offers answered as a polite perfect-negotiation peer.
 * Public for the browser tests, which watch a channel's events with it.
 */
public final class SignalingClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(SignalingClient.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final List<ServerFrame.Event> events = new CopyOnWriteArrayList<>();
    private final List<JsonObject> replies = new CopyOnWriteArrayList<>();
    private final ExecutorService answering;
    private volatile SignalingSocket socket;
    private volatile TestPeer peer;

    private SignalingClient(String name) {
        this.name = name;
        this.answering = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "answers-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects with the given upgrade headers (name, value, ...) and does not wait for anything. */
    static SignalingClient open(String name, URL base, String... headers) {
        SignalingClient client = new SignalingClient(name);
        client.socket = SignalingSocket.connect(HTTP, SignalingSocket.endpoint(URI.create(base.toString())), client::onFrame,
                () -> { }, headers).join();
        return client;
    }

    /** Connects with a bearer token and waits for {@code hello}. */
    public static SignalingClient connect(String name, URL base, String token) {
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

    /** Sends an action and waits for its reply, as it came. */
    JsonObject request(String action, JsonObject data) {
        return reply(action, data).frame();
    }

    JsonObject request(String action) {
        return request(action, Json.createObjectBuilder().build());
    }

    /** Sends the action and asserts an OK reply; returns its data (or an empty object). */
    JsonObject ok(String action, JsonObject data) {
        ServerFrame.Reply reply = reply(action, data);
        assertEquals("OK", reply.frame().getString("status"), name + ": " + action + " -> " + reply.frame());
        return reply.data();
    }

    /** Sends the action and asserts a FAIL reply with that error id. */
    void fails(String action, JsonObject data, String errorId) {
        JsonObject reply = request(action, data);
        assertEquals("FAIL", reply.getString("status"), name + ": " + action + " -> " + reply);
        assertEquals(errorId, reply.getJsonObject("error").getString("id"), name + ": " + action + " -> " + reply);
    }

    void sendText(String text) {
        socket.sendText(text).join();
    }

    /** Every reply received so far, in arrival order. */
    List<JsonObject> repliesSoFar() {
        return List.copyOf(replies);
    }

    /** The latest FAIL reply received, or null. */
    JsonObject lastFailure() {
        for (int i = replies.size() - 1; i >= 0; i--) {
            if ("FAIL".equals(replies.get(i).getString("status"))) {
                return replies.get(i);
            }
        }
        return null;
    }

    /** The first event of that name whose data matches, waiting for it. */
    JsonObject awaitEvent(String event, Predicate<JsonObject> data) {
        return Poll.until(TIMEOUT, () -> name + ": event " + event + " among " + names(), () -> findEvent(event, data));
    }

    JsonObject findEvent(String event, Predicate<JsonObject> data) {
        for (ServerFrame.Event frame : events) {
            if (frame.name().equals(event) && data.test(frame.data())) {
                return frame.data();
            }
        }
        return null;
    }

    /** The data of every event of that name whose data matches, in arrival order. */
    public List<JsonObject> events(String event, Predicate<JsonObject> data) {
        List<JsonObject> out = new ArrayList<>();
        for (ServerFrame.Event frame : events) {
            if (frame.name().equals(event) && data.test(frame.data())) {
                out.add(frame.data());
            }
        }
        return out;
    }

    JsonObject awaitEventOfSession(String event, String sessionId) {
        return awaitEvent(event, d -> sessionId.equals(d.getString("session_id", null)));
    }

    List<String> names() {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.name()));
        return out;
    }

    /** Every event's seq, which must count 0, 1, 2, ... with no gap. */
    void assertSeqWithoutGaps() {
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).seq(), name + ": seq of event " + i + " " + names());
        }
    }

    /** The close code the server closed with, waiting for it. */
    int awaitClose() {
        socket.closedFuture().copy().orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        return socket.closeCode();
    }

    boolean isClosed() {
        return socket.closedFuture().isDone();
    }

    /** Drops the connection without a close handshake, as a lost network would. */
    void abort() {
        socket.abort();
        answering.shutdownNow();
    }

    @Override
    public void close() {
        socket.close();
        answering.shutdownNow();
    }

    private ServerFrame.Reply reply(String action, JsonObject data) {
        try {
            return socket.request(action, data).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            throw new AssertionError(name + ": no reply to " + action, e.getCause());
        }
    }

    static JsonObjectBuilder data() {
        return Json.createObjectBuilder();
    }

    private void onFrame(ServerFrame frame) {
        if (frame instanceof ServerFrame.Reply reply) {
            replies.add(reply.frame());
        } else if (frame instanceof ServerFrame.Event event) {
            events.add(event);
            answerIfOffer(event);
        }
    }

    private void answerIfOffer(ServerFrame.Event event) {
        TestPeer media = peer;
        if (media != null && "signal".equals(event.name()) && "offer".equals(event.text("type"))) {
            answering.execute(() -> {
                JsonObject reply = request("sdp", data().add("type", "answer").add("sdp", media.answer(event.text("sdp"))).build());
                if (!"OK".equals(reply.getString("status"))) {
                    LOG.warnf("%s: answer refused: %s", name, reply);
                }
            });
        }
    }
}
