package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.calls.media.rtp.AudioLevel;
import dev.calls.media.rtp.RtpPacket;

/** What the simulated browser sends reads back with the engine's RTP view as the server reads it. */
class RtpWriterTest {

    @Test
    void anAudioPacketCarriesVoiceLevelSequenceAndProbe() {
        RtpWriter writer = new RtpWriter(0x11223344, ClientOffer.OPUS_PAYLOAD_TYPE, "0", true, 0xFFFF);
        byte[] buf = new byte[1500];
        writer.write(buf, 960, false, 100, 30, 7, 123_456_789L);
        int length = writer.write(buf, 1920, false, 100, 30, 7, 123_456_789L);

        RtpPacket packet = new RtpPacket();
        assertTrue(packet.wrap(buf, 0, length));
        assertEquals(0x11223344, packet.ssrc());
        assertEquals(0, packet.sequenceNumber(), "the sequence number wraps after 0xFFFF");
        assertEquals(1920, packet.timestamp());
        assertEquals(100, packet.payloadLength());
        int level = AudioLevel.read(packet, ClientOffer.AUDIO_LEVEL_ID);
        assertTrue(AudioLevel.voiceActivity(level));
        assertEquals(30, AudioLevel.level(level));
        int probe = packet.payloadOffset() + packet.payloadLength() - Probe.LENGTH;
        assertEquals(123_456_789L, Probe.nanos(buf, probe));
        assertEquals(7, Probe.senderId(buf, probe));
    }

    @Test
    void aVideoPacketHasTheMarkerAndNoAudioLevel() {
        RtpWriter writer = new RtpWriter(5, ClientOffer.VP8_PAYLOAD_TYPE, "1", false, 10);
        byte[] buf = new byte[1500];
        int length = writer.write(buf, 90_000, true, 1100, 0, 1, 1L);

        RtpPacket packet = new RtpPacket();
        assertTrue(packet.wrap(buf, 0, length));
        assertTrue(packet.marker());
        assertEquals(ClientOffer.VP8_PAYLOAD_TYPE, packet.payloadType());
        assertEquals(1100, packet.payloadLength());
        assertEquals(-1, AudioLevel.read(packet, ClientOffer.AUDIO_LEVEL_ID));
    }
}
