package dev.calls.load.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.calls.load.client.ParticipantRole;
import dev.calls.load.client.SimulatedParticipant;

/** The voice flood through the real engine in this JVM: what the flooder sent and what its listener counted. */
class VoiceFloodTest {

    @Test
    void theFloodersPacketsAreCountedAtItsListenersAgainstWhatItSent() throws Exception {
        try (InProcessCall call = new InProcessCall()) {
            SimulatedParticipant flooder = new SimulatedParticipant(0, "flood", ParticipantRole.flooding(1000),
                    call.signaling, call.context);
            SimulatedParticipant listener = new SimulatedParticipant(1, "flood", new ParticipantRole(false, false, 0),
                    call.signaling, call.context);

            JsonObject result = new VoiceFlood(flooder, List.of(listener), call.stats, 1000)
                    .run(System.nanoTime() + TimeUnit.SECONDS.toNanos(4)).fields();

            assertTrue(result.getBoolean("flooder_connected"), result::toString);
            assertEquals("none", result.getString("flooder_failure"), result::toString);
            long sent = result.getJsonNumber("sent").longValue();
            long forwarded = result.getJsonArray("forwarded_to_each_listener").getJsonNumber(0).longValue();
            assertTrue(sent > 0, result::toString);
            assertTrue(forwarded > 0 && forwarded < sent, "the engine polices the flood: " + result);
            assertEquals(1000, result.getInt("rate_asked_per_second"));
        }
    }
}
