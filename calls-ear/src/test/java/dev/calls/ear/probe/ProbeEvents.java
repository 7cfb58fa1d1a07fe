package dev.calls.ear.probe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import dev.calls.media.api.MediaEvent;

/** The engine events the probe's message-driven bean received. */
@ApplicationScoped
public class ProbeEvents {

    private final List<MediaEvent> received = new CopyOnWriteArrayList<>();

    void add(MediaEvent event) {
        received.add(event);
    }

    /** A JSON array of {@code {"type", "session", "detail"}}, oldest first. */
    String describe() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (MediaEvent event : received) {
            array.add(Json.createObjectBuilder()
                    .add("type", event.type().name())
                    .add("session", event.sessionId())
                    .add("detail", event.detail() == null ? "" : event.detail()));
        }
        return array.build().toString();
    }
}
