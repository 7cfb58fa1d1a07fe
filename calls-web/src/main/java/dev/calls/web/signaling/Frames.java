package dev.calls.web.signaling;

import static dev.calls.web.JsonFactory.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

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
}
