package dev.calls.load.abuse;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.calls.load.signaling.SignalingException;

/**
 * What the server did about one attack: its stable id (the JSON key), a title for the console, and the
 * measured fields in the order they are reported.
 */
public record AttackResult(String id, String title, JsonObject fields) {

    /** An attack that could not run at all (its preparation failed). */
    static AttackResult failed(String id, String title, Throwable failure) {
        return new AttackResult(id, title, Json.createObjectBuilder().add("error", String.valueOf(failure)).build());
    }

    /** The server's error id for a refusal ({@code FAIL <id>}), the failure's text otherwise. */
    static String refusal(SignalingException e) {
        return e.refusalId() != null ? "FAIL " + e.refusalId() : "failed: " + e.getMessage();
    }

    /** Counts by what they count (a reason, a status line), as a JSON object. */
    static JsonObjectBuilder counts(Map<String, Integer> counts) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        counts.forEach(out::add);
        return out;
    }
}
