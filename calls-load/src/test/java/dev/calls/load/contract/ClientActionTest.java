package dev.calls.load.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ClientActionTest {

    @Test
    void anActionIsTheContractsFrame() {
        String text = new ClientAction("join", 1, Json.createObjectBuilder().add("channel_id", "ch\"1").build()).toJson();

        JsonObject frame = Json.createReader(new StringReader(text)).readObject();
        assertEquals("join", frame.getString("action"));
        assertEquals(1, frame.getInt("seq"));
        assertEquals("ch\"1", frame.getJsonObject("data").getString("channel_id"));
    }
}
