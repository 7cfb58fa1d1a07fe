package dev.calls.web.signaling;

import jakarta.json.JsonObject;

/**
 * An event as it goes to every connection it concerns: written as JSON once, and completed with each
 * connection's own {@code seq} as that connection sends it. A join's {@code user_joined} reaches every
 * member of the channel, so writing the JSON once per recipient, as each outbox sends it, would cost a
 * thousand serializations of the same event in a call of a thousand.
 */
final class EventFrame {

    /** The event object's JSON without its closing brace, so that {@code seq} can be appended. */
    private final String open;

    EventFrame(JsonObject event) {
        String json = event.toString();
        // A JSON object's text always ends with its closing brace; the event always has members.
        open = json.substring(0, json.length() - 1);
    }

    /** The frame with its connection's {@code seq} as the last member. */
    String withSeq(long seq) {
        return open + ",\"seq\":" + seq + "}";
    }
}
