package dev.calls.web.signaling;

import static dev.calls.web.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/** The server's frames: replies to actions and events, as the contract spells them. */
final class Frames {

    private Frames() {
    }

    static String ok(long seqReply, JsonValue data) {
        JsonObjectBuilder reply = JSON.createObjectBuilder().add("status", "OK").add("seq_reply", seqReply);
        if (data != null) {
            reply.add("data", data);
        }
        return reply.build().toString();
    }

    static String fail(long seqReply, String id, String message) {
        return JSON.createObjectBuilder()
                .add("status", "FAIL")
                .add("seq_reply", seqReply)
                .add("error", JSON.createObjectBuilder().add("id", id).add("message", message == null ? "" : message))
                .build().toString();
    }

    /** An event without its {@code seq}, which the connection's outbox adds when it sends it. */
    static EventFrame event(String name, JsonValue data, String channelId) {
        JsonObjectBuilder broadcast = JSON.createObjectBuilder();
        if (channelId != null) {
            broadcast.add("channel_id", channelId);
        }
        return new EventFrame(JSON.createObjectBuilder().add("event", name).add("data", data).add("broadcast", broadcast)
                .build());
    }

    /** Event data (maps, lists, strings, numbers, booleans) as JSON. */
    static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((key, item) -> object.add(String.valueOf(key), json(item)));
            return object.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            list.forEach(item -> array.add(json(item)));
            return array.build();
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return JSON.createValue(number.doubleValue());
        }
        return JSON.createValue(value.toString());
    }
}
