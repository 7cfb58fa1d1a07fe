package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParticipantRoleTest {

    @Test
    void aSpeakerSendsOnePacketPerFrameAsOpusDoes() {
        assertEquals(1, new ParticipantRole(true, false, 0).audioPacketsPerFrame());
    }

    @Test
    void aFloodingSpeakerSendsItsRateInPacketsPerTwentyMilliseconds() {
        ParticipantRole flood = ParticipantRole.flooding(4000);

        assertTrue(flood.speaker());
        assertFalse(flood.sharer());
        assertEquals(80, flood.audioPacketsPerFrame());
        assertEquals(1, ParticipantRole.flooding(10).audioPacketsPerFrame(), "never fewer than Opus's one");
    }
}
