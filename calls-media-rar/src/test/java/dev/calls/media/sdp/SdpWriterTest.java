package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SdpWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {SampleSdp.CHROME_OFFER, SampleSdp.FIREFOX_OFFER})
    void browserOffersSurviveARoundTrip(String name) throws Exception {
        SessionDescription parsed = SampleSdp.parse(name);
        assertEquals(parsed, SdpParser.parse(SdpWriter.write(parsed)));
    }

    @Test
    void writesCrlfLinesInRfc8866Order() {
        MediaDescription audio = MediaDescription.builder("audio", 8443, "UDP/TLS/RTP/SAVPF")
                .connection(Connection.of("203.0.113.10"))
                .mid("0")
                .direction(Direction.RECVONLY)
                .rtcpMux(true)
                .codec(new Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of()))
                .extmap(new Extmap(1, Extmap.AUDIO_LEVEL))
                .candidate(Candidate.host("1", "203.0.113.10", 8443, 65535))
                .endOfCandidates(true)
                .build();
        SessionDescription sdp = SessionDescription.builder(Origin.local(42, 3))
                .group(new Group("BUNDLE", List.of("0")))
                .iceLite(true)
                .media(audio)
                .build();

        String text = SdpWriter.write(sdp);

        assertEquals("v=0\r\n"
                + "o=- 42 3 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "t=0 0\r\n"
                + "a=group:BUNDLE 0\r\n"
                + "a=ice-lite\r\n"
                + "m=audio 8443 UDP/TLS/RTP/SAVPF 111\r\n"
                + "c=IN IP4 203.0.113.10\r\n"
                + "a=mid:0\r\n"
                + "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                + "a=recvonly\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtpmap:111 opus/48000/2\r\n"
                + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
                + "a=candidate:1 1 udp 2130706431 203.0.113.10 8443 typ host\r\n"
                + "a=end-of-candidates\r\n", text);
        assertFalse(text.replace("\r\n", "").contains("\n"));
        assertTrue(text.endsWith("\r\n"));
    }
}
