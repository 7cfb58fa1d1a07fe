package dev.calls.load.contract;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * An action frame from the client: {@code {"action": name, "seq": N, "data": {...}}}, N increasing per
 * connection from 1 (the contract's WebSocket section).
 */
public record ClientAction(String action, long seq, JsonObject data) {

    public String toJson() {
        return Json.createObjectBuilder().add("action", action).add("seq", seq).add("data", data).build().toString();
    }
}
