package dev.calls.web.signaling;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.media.MediaGateway;
import dev.calls.ejb.service.CallEvents;
import dev.calls.ejb.service.CallHistory;
import dev.calls.ejb.service.CallLifecycle;
import dev.calls.ejb.service.CallRinging;
import dev.calls.ejb.service.ParticipantState;
import dev.calls.web.rest.JsonViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract's actions after authentication. Each returns its reply's data (null for none) or throws
 * {@link CallsException} whose id becomes the FAIL reply's error id. Rules live in the call services and
 * their policies; here the frame's data is checked and the connection's session tied in.
 */
@ApplicationScoped
public class Actions {

    static final int MAX_EMOJI_FIELD = 64;

    @Inject
    CallLifecycle lifecycle;

    @Inject
    ParticipantState participants;

    @Inject
    CallHistory history;

    @Inject
    CallEvents callEvents;

    @Inject
    CallRinging ringing;

    @Inject
    MediaGateway media;

    @Inject
    Connections connections;

    public JsonValue handle(Connection connection, ActionFrame frame) {
        JsonObject data = frame.data();
        return switch (frame.action()) {
            case "ping" -> JSON.createObjectBuilder().add("text", "pong").build();
            case "join" -> join(connection, data);
            case "reconnect" -> reconnect(connection, data);
            case "leave" -> {
                lifecycle.leave(session(connection).sessionId());
                yield null;
            }
            case "sdp" -> sdp(connection, data);
            case "ice" -> ice(connection, data);
            case "mute", "unmute" -> {
                participants.setUnmuted(session(connection).sessionId(), frame.action().equals("unmute"));
                yield null;
            }
            case "screen_on" -> {
                CallBinding session = session(connection);
                participants.setScreenOn(session.sessionId(), true, string(data, "stream_id", true));
                yield null;
            }
            case "screen_off" -> {
                participants.setScreenOn(session(connection).sessionId(), false, null);
                yield null;
            }
            case "raise_hand", "unraise_hand" -> {
                participants.setRaisedHand(session(connection).sessionId(), frame.action().equals("raise_hand"));
                yield null;
            }
            case "react" -> {
                CallBinding session = session(connection);
                participants.react(session.sessionId(), emoji(data));
                yield null;
            }
            case "decline" -> {
                ringing.decline(connection.userId(), string(data, "channel_id", true));
                yield null;
            }
            case "call_state" -> JsonViews.callState(
                    history.channelCall(connection.userId(), string(data, "channel_id", true)).call());
            case "authentication_challenge" -> throw CallsException.badRequest("already_authenticated",
                    "This connection is authenticated already.");
            default -> throw CallsException.badRequest("unknown_action", "Unknown action '" + frame.action() + "'.");
        };
    }

    private JsonValue join(Connection connection, JsonObject data) {
        if (connection.binding() != null) {
            throw CallsException.conflict("already_in_call", "This connection is in a call already.");
        }
        String channelId = string(data, "channel_id", true);
        CallLifecycle.JoinResult joined = lifecycle.join(connection.userId(), channelId, connection.id(),
                string(data, "title", false), string(data, "thread_id", false));
        connections.bind(connection, joined.session().sessionId(), joined.call().id(), channelId);
        return JSON.createObjectBuilder()
                .add("session_id", joined.session().sessionId())
                .add("call_id", joined.call().id())
                .build();
    }

    private JsonValue reconnect(Connection connection, JsonObject data) {
        if (connection.binding() != null) {
            throw CallsException.conflict("already_in_call", "This connection is in a call already.");
        }
        CallBinding binding = connections.reattach(connection, string(data, "original_connection_id", true),
                string(data, "channel_id", false));
        LiveCall call = history.callOf(binding.sessionId()).orElse(null);
        return JSON.createObjectBuilder()
                .add("session_id", binding.sessionId())
                .add("call_id", binding.callId())
                .add("call", JsonViews.callState(call))
                .build();
    }

    /**
     * The client's offer is answered with a {@code signal} event before the reply, the way the engine's own
     * offers go ({@link CallEvents}); the client's answer goes to the engine.
     */
    private JsonValue sdp(Connection connection, JsonObject data) {
        CallBinding session = session(connection);
        String type = string(data, "type", true);
        String sdp = string(data, "sdp", true);
        switch (type) {
            case "offer" -> {
                String answer = media.acceptOffer(session.sessionId(), sdp);
                session.clientUfrag(IceUfrag.of(sdp));
                callEvents.answer(session.sessionId(), answer);
            }
            case "answer" -> {
                media.acceptAnswer(session.sessionId(), sdp);
                session.clientUfrag(IceUfrag.of(sdp));
            }
            default -> throw CallsException.badRequest("invalid_sdp", "'type' must be \"offer\" or \"answer\".");
        }
        return null;
    }

    /**
     * The engine is ICE-lite: it learns the client's address from its connectivity checks, so candidates
     * are only checked (well-formed, and of this session's ICE username fragment) and acknowledged.
     */
    private JsonValue ice(Connection connection, JsonObject data) {
        CallBinding session = session(connection);
        String candidate = string(data, "candidate", false);
        if (candidate == null) {
            throw CallsException.badRequest("invalid_candidate", "'candidate' is required (empty for end of candidates).");
        }
        if (!candidate.isEmpty() && !candidate.startsWith("candidate:")) {
            throw CallsException.badRequest("invalid_candidate", "A candidate starts with 'candidate:' (RFC 8839 §5.1).");
        }
        JsonValue index = data.get("sdp_mline_index");
        if (index != null && index != JsonValue.NULL
                && !(index instanceof JsonNumber number && number.isIntegral() && number.intValue() >= 0)) {
            throw CallsException.badRequest("invalid_candidate", "'sdp_mline_index' must be a number of 0 or more.");
        }
        String ufrag = string(data, "username_fragment", false);
        String mine = session.clientUfrag();
        if (ufrag != null && !ufrag.isEmpty() && (mine == null || !mine.equals(ufrag))) {
            throw CallsException.badRequest("wrong_session",
                    "The candidate's username fragment is not the one of this session's description.");
        }
        return null;
    }

    private static Map<String, String> emoji(JsonObject data) {
        if (!(data.get("emoji") instanceof JsonObject emoji) || !(emoji.get("name") instanceof JsonString)) {
            throw CallsException.badRequest("invalid_emoji", "'emoji' must be an object with a 'name'.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : new String[] {"name", "unified", "skin"}) {
            if (emoji.get(field) instanceof JsonString text) {
                if (text.getString().length() > MAX_EMOJI_FIELD) {
                    throw CallsException.badRequest("invalid_emoji", "'emoji." + field + "' is too long.");
                }
                out.put(field, text.getString());
            }
        }
        return out;
    }

    private static CallBinding session(Connection connection) {
        CallBinding binding = connection.binding();
        if (binding == null) {
            throw CallsException.badRequest("not_in_call", "Join a call first.");
        }
        return binding;
    }

    private static String string(JsonObject data, String name, boolean required) {
        JsonValue value = data.get(name);
        if (value instanceof JsonString text && !(required && text.getString().isEmpty())) {
            return text.getString();
        }
        if (required || (value != null && value != JsonValue.NULL)) {
            throw CallsException.badRequest("invalid_data", "'" + name + "' must be a" + (required ? " non-empty" : "")
                    + " string.");
        }
        return null;
    }
}
