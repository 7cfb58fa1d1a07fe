package dev.calls.load.contract;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.calls.load.signaling.SignalingException;

/**
 * A WebSocket text frame from the server: either the reply to one of the client's actions
 * ({@code {"status", "seq_reply", "data"?, "error"?}}) or an event ({@code {"event", "data", "seq"}}).
 */
public sealed interface ServerFrame {

    /**
     * The one reply to action {@code seqReply}: OK with its data (empty when none), or FAIL with the error;
     * {@code frame} is the whole reply as it came, for callers that check its shape.
     */
    record Reply(long seqReply, boolean ok, JsonObject data, String errorId, String errorMessage, JsonObject frame)
            implements ServerFrame {

        /** The reply's data when OK; a {@link SignalingException} naming the error id when FAIL. */
        public JsonObject dataOrThrow(String action) throws SignalingException {
            if (!ok) {
                throw new SignalingException(action + " refused: " + errorId + " (" + errorMessage + ")", errorId);
            }
            return data;
        }
    }

    /** An event; {@code data} is empty when the frame has none. */
    record Event(String name, JsonObject data, long seq) implements ServerFrame {

        /** A string field of the data, or null. */
        public String text(String field) {
            return data.get(field) instanceof JsonString value ? value.getString() : null;
        }
    }

    /**
     * Reads one frame.
     *
     * @throws SignalingException when the text is not a JSON object with either a {@code seq_reply} and a
     *                            {@code status}, or an {@code event} name
     */
    static ServerFrame parse(String text) throws SignalingException {
        JsonObject frame;
        try {
            JsonValue value = Json.createReader(new StringReader(text)).readValue();
            if (!(value instanceof JsonObject object)) {
                throw new SignalingException("frame is not a JSON object: " + abbreviated(text));
            }
            frame = object;
        } catch (JsonException | IllegalStateException e) {
            throw new SignalingException("frame is not JSON: " + abbreviated(text), e);
        }
        JsonObject data = frame.get("data") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        if (frame.get("seq_reply") instanceof JsonNumber seqReply && frame.get("status") instanceof JsonString status) {
            boolean ok = "OK".equals(status.getString());
            JsonObject error = frame.get("error") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
            return new Reply(seqReply.longValue(), ok, data, ok ? null : error.getString("id", "unknown"),
                    ok ? null : error.getString("message", ""), frame);
        }
        if (frame.get("event") instanceof JsonString event) {
            long seq = frame.get("seq") instanceof JsonNumber number ? number.longValue() : -1;
            return new Event(event.getString(), data, seq);
        }
        throw new SignalingException("frame is neither a reply nor an event: " + abbreviated(text));
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
