package dev.calls.load.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.calls.load.client.ParticipantRole;
import dev.calls.load.client.SimulatedParticipant;

/** Half-open joins through the real engine in this JVM, with a real participant joining after them. */
class HalfOpenJoinsTest {

    @Test
    void joinsThatNeverConnectAreAnsweredAndTheRealJoinerIsTimed() throws Exception {
        try (InProcessCall call = new InProcessCall()) {
            call.signaling.prepare(Map.of("call", List.of(0, 1, 2, 3)));
            SimulatedParticipant probe = new SimulatedParticipant(3, "call", new ParticipantRole(false, false, 0),
                    call.signaling, call.context);

            JsonObject result = new HalfOpenJoins(call.signaling, "call", List.of(0, 1, 2), probe, 12.5, 50,
                    call.context.random(), call.context.certificate())
                    .run(System.nanoTime() + TimeUnit.SECONDS.toNanos(3)).fields();

            assertEquals(3, result.getInt("joins_sent"), result::toString);
            assertEquals(3, result.getInt("joined"), result::toString);
            assertEquals(3, result.getInt("answered"), result::toString);
            assertTrue(result.getBoolean("probe_joined"), result::toString);
            assertTrue(result.getJsonNumber("probe_join_to_answer_ms").doubleValue() >= 0, result::toString);
            assertEquals(12.5, result.getJsonNumber("call_participants_join_to_answer_ms_p50_before").doubleValue());
        }
    }
}
