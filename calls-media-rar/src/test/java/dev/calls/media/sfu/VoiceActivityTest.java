package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoiceActivityTest {

    private static int packetsUntilChange(VoiceActivity voice, int level, int limit) {
        for (int i = 1; i <= limit; i++) {
            if (voice.update(level)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void silenceNeverTurnsVoiceOn() {
        VoiceActivity voice = new VoiceActivity();
        assertEquals(-1, packetsUntilChange(voice, 127, 1000));
        assertFalse(voice.speaking());
    }

    @Test
    void sustainedSpeechTurnsVoiceOnWithinAFewPackets() {
        VoiceActivity voice = new VoiceActivity();
        int packets = packetsUntilChange(voice, 20, 100);
        assertTrue(packets >= VoiceActivity.ON_PACKETS && packets < 20, "changed after " + packets);
        assertTrue(voice.speaking());
    }

    @Test
    void oneLoudPacketDoesNotTurnVoiceOn() {
        VoiceActivity voice = new VoiceActivity();
        assertFalse(voice.update(0));
        assertEquals(-1, packetsUntilChange(voice, 127, 200));
        assertFalse(voice.speaking());
    }

    @Test
    void shortPausesKeepVoiceOnAndLongSilenceTurnsItOff() {
        VoiceActivity voice = new VoiceActivity();
        packetsUntilChange(voice, 20, 100);
        assertEquals(-1, packetsUntilChange(voice, 127, 10), "a 200 ms pause must not end speech");
        assertEquals(-1, packetsUntilChange(voice, 20, 10));
        int packets = packetsUntilChange(voice, 127, 500);
        assertTrue(packets >= VoiceActivity.OFF_PACKETS, "changed after " + packets);
        assertFalse(voice.speaking());
    }

    @Test
    void levelsBetweenTheThresholdsKeepTheCurrentState() {
        VoiceActivity voice = new VoiceActivity();
        packetsUntilChange(voice, 20, 100);
        assertEquals(-1, packetsUntilChange(voice, 55, 500), "55 is between on (50) and off (60)");
        assertTrue(voice.speaking());
    }

    @Test
    void resetEndsSpeech() {
        VoiceActivity voice = new VoiceActivity();
        packetsUntilChange(voice, 20, 100);
        assertTrue(voice.reset());
        assertFalse(voice.speaking());
        assertFalse(voice.reset());
    }
}
