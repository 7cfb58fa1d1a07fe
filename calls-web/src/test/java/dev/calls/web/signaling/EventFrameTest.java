package dev.calls.web.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** One event's JSON, written once, completed with each connection's own seq. */
class EventFrameTest {

    @Test
    void eachConnectionsFrameIsTheEventWithItsOwnSeq() {
        EventFrame frame = Frames.event("user_joined", Json.createObjectBuilder().add("user_id", "u\"1")
                .add("session_id", "s").build(), "c");

        JsonObject first = parse(frame.withSeq(0));
        JsonObject later = parse(frame.withSeq(41));

        assertEquals("user_joined", first.getString("event"));
        assertEquals("u\"1", first.getJsonObject("data").getString("user_id"));
        assertEquals("c", first.getJsonObject("broadcast").getString("channel_id"));
        assertEquals(0, first.getInt("seq"));
        assertEquals(41, later.getInt("seq"));
        assertEquals(first.getJsonObject("data"), later.getJsonObject("data"));
    }

    private static JsonObject parse(String frame) {
        return Json.createReader(new StringReader(frame)).readObject();
    }
}
