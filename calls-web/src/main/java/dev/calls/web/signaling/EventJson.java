package dev.calls.web.signaling;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.event.CallEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * The one place a {@link CallEvent} becomes the contract's JSON: the event's name, and its record's
 * components in declaration order as the {@code data} members, each named in snake case
 * ({@code sessionId} → {@code session_id}). Strings, whole numbers and booleans are written as such,
 * a nested record or a map as an object, a JSON value (a post's props) as itself; nothing else occurs in
 * an event.
 */
final class EventJson {

    private EventJson() {
    }

    /** The event as a frame (without its {@code seq}) for the channel's connections. */
    static EventFrame frame(CallEvent event, String channelId) {
        // Every CallEvent is a record: the interface is sealed and permits records only.
        return Frames.event(event.event(), data((Record) event), channelId);
    }

    static JsonObject data(Record record) {
        JsonObjectBuilder data = JSON.createObjectBuilder();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            data.add(wireName(component.getName()), value(read(record, component)));
        }
        return data.build();
    }

    /** {@code raisedHand} → {@code raised_hand}. */
    static String wireName(String component) {
        StringBuilder name = new StringBuilder(component.length() + 4);
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String text) {
            return JSON.createValue(text);
        }
        if (value instanceof Long || value instanceof Integer) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Record nested) {
            return data(nested);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((key, item) -> object.add(String.valueOf(key), value(item)));
            return object.build();
        }
        throw new IllegalArgumentException("an event holds a " + value.getClass().getName());
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
