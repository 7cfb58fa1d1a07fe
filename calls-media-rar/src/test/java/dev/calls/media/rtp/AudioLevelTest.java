package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AudioLevelTest {

    private final RtpPacket packet = new RtpPacket();

    @Test
    void readsVoiceFlagAndLevelFromOneByteElement() {
        // RFC 6464 §3 one-byte form: id 1, L=0, V=1, level 42 (-42 dBov), then a padding byte.
        byte[] raw = Hex.bytes("906f 0001 00000002 00000003 bede 0001 10 aa 00 00 fc");
        assertTrue(packet.wrap(raw, 0, raw.length));
        int data = AudioLevel.read(packet, 1);
        assertEquals(0xaa, data);
        assertTrue(AudioLevel.voiceActivity(data));
        assertEquals(42, AudioLevel.level(data));
    }

    @Test
    void readsSilenceWithoutVoiceFromTwoByteElement() {
        byte[] raw = Hex.bytes("906f 0001 00000002 00000003 1000 0001 05 01 7f 00 fc");
        assertTrue(packet.wrap(raw, 0, raw.length));
        int data = AudioLevel.read(packet, 5);
        assertFalse(AudioLevel.voiceActivity(data));
        assertEquals(AudioLevel.SILENCE, AudioLevel.level(data));
    }

    @Test
    void answersMinusOneWhenAbsentOrEmpty() {
        byte[] noExtension = Hex.bytes("806f 0001 00000002 00000003 fc");
        assertTrue(packet.wrap(noExtension, 0, noExtension.length));
        assertEquals(-1, AudioLevel.read(packet, 1));
        byte[] emptyElement = Hex.bytes("906f 0001 00000002 00000003 1000 0001 05 00 0000 fc");
        assertTrue(packet.wrap(emptyElement, 0, emptyElement.length));
        assertEquals(-1, AudioLevel.read(packet, 5));
        assertEquals(-1, AudioLevel.read(packet, 1));
    }
}
