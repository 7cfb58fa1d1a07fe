package dev.calls.load.contract;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.logging.Logger;

import dev.calls.load.signaling.SignalingException;
import dev.calls.load.signaling.SignalingListener;
import dev.calls.load.signaling.SignalingSession;

/**
 * One participant's call session over its own WebSocket: the contract's {@code join}, {@code sdp},
 * {@code ice}, {@code unmute}, {@code screen_on}, {@code ping} and {@code leave} actions, and the events that concern the
 * session turned into {@link SignalingListener} calls — {@code signal} answers and offers, {@code error}
 * (its media failed), {@code host_removed} of this session, {@code call_end}, and the WebSocket lost.
 *
 * <p>Actions whose outcome the participant needs (join, its offer, unmute, screen) wait for their reply;
 * answers to server offers and candidates do not, since they are sent from the event thread, and a refused
 * answer ends the session as the listener's {@code onClosed}.
 */
final class ContractSession implements SignalingSession {

    private static final Logger LOG = Logger.getLogger(ContractSession.class);
    private static final long REPLY_TIMEOUT_SECONDS = 30;
    /** How long a leave waits for its reply before the WebSocket is closed anyway. */
    private static final long LEAVE_TIMEOUT_SECONDS = 5;
    /** The refusal of a join while the call is busy with others (docs/api.md); worth trying again. */
    static final String CALL_BUSY = "call_busy";
    static final int BUSY_RETRIES = 5;
    private static final long BUSY_RETRY_MILLIS = 1000;

    private final SignalingListener listener;
    private volatile ScheduledFuture<?> keepAlive;
    private volatile SignalingSocket socket;
    private volatile String sessionId;
    private volatile String callId;
    private volatile long joinSentNanos = -1;
    private volatile boolean leaving;

    ContractSession(SignalingListener listener) {
        this.listener = listener;
    }

    void attach(SignalingSocket opened) {
        socket = opened;
    }

    /**
     * Sends {@code ping} every {@code periodMillis} from a random offset, as the web client keeps its
     * WebSocket alive (its socket.js: every 15 s); the replies are not waited for.
     */
    void keepAlive(ScheduledExecutorService timer, long periodMillis) {
        keepAlive = timer.scheduleAtFixedRate(() -> socket.request("ping", JsonValue.EMPTY_JSON_OBJECT),
                ThreadLocalRandom.current().nextLong(periodMillis), periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends {@code join} and waits for its reply, which names the session and the call. A join refused with
     * {@code call_busy} is sent again a second later, up to {@link #BUSY_RETRIES} times, as the web client does
     * (call.js); the join time counts from the first attempt.
     *
     * @return how many times the join was refused with {@code call_busy} and tried again
     */
    int join(String channelId) throws SignalingException {
        joinSentNanos = System.nanoTime();
        JsonObject request = Json.createObjectBuilder().add("channel_id", channelId).build();
        ServerFrame.Reply reply = reply("join", socket.request("join", request));
        int retries = 0;
        while (!reply.ok() && CALL_BUSY.equals(reply.errorId()) && retries < BUSY_RETRIES) {
            retries++;
            pause(BUSY_RETRY_MILLIS);
            reply = reply("join", socket.request("join", request));
        }
        JsonObject joined = reply.dataOrThrow("join");
        sessionId = joined.getString("session_id");
        callId = joined.getString("call_id");
        return retries;
    }

    private static void pause(long millis) throws SignalingException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalingException("join interrupted", e);
        }
    }

    /** A frame of the session's WebSocket, on the client's delivery thread; replies reach their requests instead. */
    void onFrame(ServerFrame frame) {
        if (!(frame instanceof ServerFrame.Event event)) {
            return;
        }
        switch (event.name()) {
            case "signal" -> {
                String type = event.text("type");
                if ("answer".equals(type)) {
                    listener.onAnswer(event.text("sdp"));
                } else if ("offer".equals(type)) {
                    listener.onOffer(event.text("sdp"));
                }
            }
            case "error" -> listener.onClosed(event.text("id"));
            case "host_removed" -> {
                if (sessionId != null && sessionId.equals(event.text("session_id"))) {
                    listener.onClosed("host_removed");
                }
            }
            case "call_end" -> {
                if (callId != null && callId.equals(event.text("call_id"))) {
                    listener.onClosed("call_end");
                }
            }
            default -> {
                // Presence, voice activity, reactions and posts: nothing the simulated client acts on.
            }
        }
    }

    /** The WebSocket closed without the client asking. */
    void onLost() {
        if (!leaving) {
            listener.onClosed("websocket_closed");
        }
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public long joinSentNanos() {
        return joinSentNanos;
    }

    @Override
    public void sendOffer(String sdp) throws SignalingException {
        await("sdp offer", socket.request("sdp", Json.createObjectBuilder().add("type", "offer").add("sdp", sdp).build()));
    }

    @Override
    public void sendAnswer(String sdp) {
        socket.request("sdp", Json.createObjectBuilder().add("type", "answer").add("sdp", sdp).build())
                .whenComplete((reply, failure) -> {
                    if (failure == null && !reply.ok()) {
                        listener.onClosed("sdp answer refused: " + reply.errorId());
                    }
                });
    }

    @Override
    public void sendCandidate(String candidate) {
        socket.request("ice", Json.createObjectBuilder().add("candidate", candidate).add("sdp_mid", "0")
                .add("sdp_mline_index", 0).build())
                .whenComplete((reply, failure) -> {
                    if (failure == null && !reply.ok()) {
                        LOG.debugf("session %s: candidate refused: %s", sessionId, reply.errorId());
                    }
                });
    }

    @Override
    public void unmute() throws SignalingException {
        await("unmute", socket.request("unmute", JsonValue.EMPTY_JSON_OBJECT));
    }

    @Override
    public void screenOn(String streamId) throws SignalingException {
        await("screen_on", socket.request("screen_on", Json.createObjectBuilder().add("stream_id", streamId).build()));
    }

    /** Sends {@code leave}, then closes the WebSocket after its reply; does not wait. */
    @Override
    public void leave() {
        leaving = true;
        ScheduledFuture<?> pings = keepAlive;
        if (pings != null) {
            pings.cancel(false);
        }
        SignalingSocket current = socket;
        if (current != null) {
            current.request("leave", JsonValue.EMPTY_JSON_OBJECT)
                    .orTimeout(LEAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .whenComplete((reply, failure) -> current.close());
        }
    }

    /** Completes when the WebSocket is closed (after {@link #leave}), or at once when it never opened. */
    CompletableFuture<Void> closed() {
        SignalingSocket current = socket;
        return current == null ? CompletableFuture.completedFuture(null) : current.closedFuture();
    }

    private static JsonObject await(String action, CompletableFuture<ServerFrame.Reply> reply) throws SignalingException {
        return reply(action, reply).dataOrThrow(action);
    }

    private static ServerFrame.Reply reply(String action, CompletableFuture<ServerFrame.Reply> reply)
            throws SignalingException {
        try {
            return reply.get(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new SignalingException(action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SignalingException(action + ": no reply within " + REPLY_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalingException(action + " interrupted", e);
        }
    }
}
