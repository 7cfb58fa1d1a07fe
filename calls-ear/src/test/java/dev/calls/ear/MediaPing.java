package dev.calls.ear;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

/** Waits for the ping to report a running media engine in a given state, e.g. after a reload changed a setting. */
public final class MediaPing {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private MediaPing() {
    }

    /** The ping's media object once the engine runs and it satisfies the condition. */
    public static JsonObject await(URL base, Predicate<JsonObject> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        Http.Reply reply = null;
        while (Instant.now().isBefore(deadline)) {
            reply = Http.get(base, "api/v1/system/ping");
            if (reply.status() == 200 && condition.test(reply.json().getJsonObject("media"))) {
                return reply.json().getJsonObject("media");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the ping never reported the expected media: " + (reply == null ? "no reply" : reply.body()));
    }
}
