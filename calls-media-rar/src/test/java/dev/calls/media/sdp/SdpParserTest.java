package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpParserTest {

    @Test
    void readsChromeUnifiedPlanOffer() throws Exception {
        SessionDescription sdp = SdpParser.parse(SampleSdp.crlf(SampleSdp.CHROME_OFFER));

        assertEquals("4611731400430051336", sdp.origin().sessionId());
        assertEquals("2", sdp.origin().sessionVersion());
        assertEquals("-", sdp.sessionName());
        assertEquals(List.of(Timing.UNBOUNDED), sdp.timings());
        assertEquals(new Group("BUNDLE", List.of("0", "1", "2")), sdp.bundleGroup());
        assertEquals("WMS 5d7fe8f0-8b0a-4a2f-a4c3-0f6a2c9d4b11", sdp.msidSemantic());
        assertTrue(sdp.attributes().contains(new Attribute("extmap-allow-mixed", null)));
        assertEquals(List.of("0", "1", "2"), sdp.mids());

        MediaDescription audio = sdp.media().get(0);
        assertEquals(MediaKind.AUDIO, audio.kind());
        assertEquals(9, audio.port());
        assertEquals("UDP/TLS/RTP/SAVPF", audio.proto());
        assertEquals(List.of("111", "63", "9", "0", "8", "13", "110", "126"), audio.formats());
        assertEquals(Direction.SENDRECV, audio.direction());
        assertTrue(audio.rtcpMux());
        assertTrue(audio.rtcpRsize());
        assertEquals("Xk3f", audio.iceUfrag());
        assertEquals("8Dq2lZbmvP0sVw6YpX7cHnJk", audio.icePwd());
        assertEquals(List.of("trickle"), audio.iceOptions());
        assertEquals(SetupRole.ACTPASS, audio.setup());
        assertEquals("sha-256", audio.fingerprints().get(0).hashFunction());
        assertEquals(new Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of("transport-cc")),
                audio.codecs().get(0));
        assertEquals(8, audio.codecs().size());
        assertEquals(new Codec(9, "G722", 8000, 0, null, List.of()), audio.codecs().get(2));
        assertEquals(1, audio.extensionId(Extmap.AUDIO_LEVEL));
        assertEquals(4, audio.extensionId(Extmap.SDES_MID));
        assertEquals(List.of(new Msid("5d7fe8f0-8b0a-4a2f-a4c3-0f6a2c9d4b11", "7c1a9b2e-5f3d-4e8a-9c6b-2d4f8e1a3b5c")),
                audio.msids());
        assertEquals(new SsrcAttribute(3735928559L, "cname", "4TOk42mSjXCkVIa6"), audio.ssrcs().get(0));
        assertTrue(audio.attributes().contains(new Attribute("rtcp", "9 IN IP4 0.0.0.0")));

        MediaDescription video = sdp.media().get(1);
        assertEquals(MediaKind.VIDEO, video.kind());
        assertEquals(Direction.SENDONLY, video.direction());
        assertEquals(List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"),
                video.codecNamed("VP8").rtcpFeedback());
        assertEquals("apt=96", video.codecs().get(1).fmtp());
        assertEquals(List.of(new SsrcGroup("FID", List.of(1426349211L, 2872946420L))), video.ssrcGroups());
        assertEquals(new Extmap(14, null, "urn:ietf:params:rtp-hdrext:toffset", null), video.extmaps().get(0));

        MediaDescription data = sdp.media().get(2);
        assertEquals(MediaKind.APPLICATION, data.kind());
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertTrue(data.codecs().isEmpty());
        assertNull(data.direction());
        assertTrue(data.attributes().contains(new Attribute("sctp-port", "5000")));
    }

    @Test
    void readsFirefoxOfferWithSessionLevelFingerprintAndFmtpBeforeRtpmap() throws Exception {
        SessionDescription sdp = SdpParser.parse(SampleSdp.text(SampleSdp.FIREFOX_OFFER));

        assertEquals("mozilla...THIS_IS_SDPARTA-128.0", sdp.origin().username());
        assertEquals(1, sdp.fingerprints().size());
        assertEquals(List.of("trickle"), sdp.iceOptions());
        assertEquals("WMS *", sdp.msidSemantic());

        MediaDescription audio = sdp.media().get(0);
        assertTrue(audio.fingerprints().isEmpty());
        assertEquals(new Codec(109, "opus", 48000, 2, "maxplaybackrate=48000;stereo=1;useinbandfec=1", List.of()),
                audio.codecs().get(0));
        assertEquals(new Codec(101, "telephone-event", 8000, 1, "0-15", List.of()), audio.codecs().get(4));
        assertEquals(new Extmap(2, Direction.RECVONLY, "urn:ietf:params:rtp-hdrext:csrc-audio-level", null),
                audio.extmaps().get(1));

        MediaDescription video = sdp.media().get(1);
        Codec vp8 = video.codecNamed("vp8");
        assertEquals(120, vp8.payloadType());
        assertEquals("max-fs=12288;max-fr=60", vp8.fmtp());
        assertEquals(List.of("nack", "nack pli", "ccm fir", "goog-remb", "transport-cc"), vp8.rtcpFeedback());
        assertEquals(List.of(120, 124, 121, 125, 126, 127, 97, 98),
                video.codecs().stream().map(Codec::payloadType).toList());
        assertEquals(Direction.SENDRECV, sdp.media().get(2).direction());
    }

    @Test
    void lineEndsDoNotMatter() throws Exception {
        String lf = SampleSdp.text(SampleSdp.CHROME_OFFER);
        assertEquals(SdpParser.parse(lf), SdpParser.parse(lf.replace("\n", "\r\n")));
    }

    @Test
    void toleratesBlanksAndBlankLines() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\n\no=- 1 1 IN IP4 127.0.0.1  \ns=-\r\nt=0  0\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF   111\n  a=mid: a0 \na=rtpmap:111   opus/48000/2\n\n");
        MediaDescription m = sdp.media().get(0);
        assertEquals("a0", m.mid());
        assertEquals("opus", m.codecs().get(0).name());
    }

    @Test
    void aPayloadTypeWrittenWithALeadingZeroIsTheSameCodec() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 0111\na=rtpmap:111 opus/48000/2\n");
        assertEquals(111, sdp.media().get(0).codecs().get(0).payloadType());
    }

    @Test
    void keepsUnknownAttributesAndFormatLinesOfUnlistedPayloadTypes() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\na=x-session:1\n"
                + "m=audio 9 RTP/SAVPF 111\na=rtpmap:111 opus/48000/2\na=rtpmap:0 PCMU/8000\na=fmtp:5 x=1\n"
                + "a=rtcp-fb:* nack\na=x-media\n");
        assertEquals(List.of(new Attribute("x-session", "1")), sdp.attributes());
        MediaDescription m = sdp.media().get(0);
        assertEquals(1, m.codecs().size());
        assertEquals(List.of(new Attribute("rtcp-fb", "* nack"), new Attribute("x-media", null),
                new Attribute("rtpmap", "0 PCMU/8000"), new Attribute("fmtp", "5 x=1")), m.attributes());
    }

    @Test
    void missingDirectionFallsBackToSessionLevelThenSendrecv() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\na=recvonly\n"
                + "m=audio 9 RTP/SAVPF 0\nm=audio 9 RTP/SAVPF 0\na=inactive\n");
        assertEquals(Direction.RECVONLY, sdp.directionOf(sdp.media().get(0)));
        assertEquals(Direction.INACTIVE, sdp.directionOf(sdp.media().get(1)));
        SessionDescription noDirection = SdpParser.parse("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\n"
                + "m=audio 9 RTP/SAVPF 0\n");
        assertEquals(Direction.SENDRECV, noDirection.directionOf(noDirection.media().get(0)));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "hello world|1|expected '<type>=<value>'",
        "v=1|1|starts with 'v=0'",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nhello|4|expected '<type>=<value>'",
        "v=0\\no=- 1 1 IN IP4\\ns=-|2|o= needs 6 fields",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\nm=audio nine RTP/SAVPF 0|5|m= port 'nine' is not a number",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\nm=audio 70000 RTP/SAVPF 0|5|not within 0..65535",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\nm=audio 9 RTP/SAVPF 0\\na=rtpmap:300 x/1|6|payload type 300",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\nm=audio 9 RTP/SAVPF 0\\na=rtpmap:0 PCMU|6|not name/clock-rate",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nm=audio 9 RTP/SAVPF 0\\na=mid:0\\nm=audio 9 RTP/SAVPF 0\\na=mid:0|7|already used",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nm=audio 9 RTP/SAVPF 0\\na=setup:sideways|5|a=setup value 'sideways'",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nm=audio 9 RTP/SAVPF 0\\na=fingerprint:sha-256 XY:ZZ|5|not colon separated hex",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nm=audio 9 RTP/SAVPF 0\\na=candidate:1 1 udp 5 1.2.3.4 9 host|5|needs 'foundation",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nm=audio 9 RTP/SAVPF 0\\na=extmap:0 urn:x|5|extmap id 0",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nm=audio 9 RTP/SAVPF 0\\na=ssrc:4294967296 cname:x|5|ssrc 4294967296",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nm=audio 9 RTP/SAVPF 0\\no=- 1 1 IN IP4 127.0.0.1|5|o= belongs to the session level",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\ns=-\\nx=what|4|unknown line type 'x='",
        "v=0\\ns=-\\nt=0 0|3|no o= line",
    })
    void garbageIsRefusedWithLineNumberAndReason(String text, int line, String reason) {
        SdpParseException e = assertThrows(SdpParseException.class,
                () -> SdpParser.parse(text.replace("\\n", "\r\n")));
        assertEquals(line, e.lineNumber(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void emptyTextIsRefused() {
        assertThrows(SdpParseException.class, () -> SdpParser.parse(""));
        assertThrows(SdpParseException.class, () -> SdpParser.parse(null));
        assertFalse(assertThrows(SdpParseException.class, () -> SdpParser.parse(" \r\n")).getMessage().isEmpty());
    }
}
