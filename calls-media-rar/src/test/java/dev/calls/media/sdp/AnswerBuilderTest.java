package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerBuilderTest {

    private final AnswerBuilder builder = new AnswerBuilder(SampleSdp.LOCAL, MediaCapabilities.defaults());

    private SessionDescription answer(String offerName) throws SdpNegotiationException {
        return builder.answer(SampleSdp.parse(offerName), List.of(), Origin.local(7, 1));
    }

    @Test
    void answersChromeOfferAsIceLitePassiveEndpoint() throws Exception {
        SessionDescription answer = answer(SampleSdp.CHROME_OFFER);

        assertTrue(answer.iceLite());
        assertEquals(new Group("BUNDLE", List.of("0", "1")), answer.bundleGroup());
        assertEquals(List.of("0", "1", "2"), answer.mids());
        for (MediaDescription m : answer.media().subList(0, 2)) {
            assertEquals(SetupRole.PASSIVE, m.setup());
            assertEquals(List.of(SampleSdp.LOCAL.fingerprint()), m.fingerprints());
            assertEquals("srvUfrag1", m.iceUfrag());
            assertEquals("serverIcePassword0123456789", m.icePwd());
            assertTrue(m.rtcpMux());
            assertEquals(8443, m.port());
            assertEquals(Connection.of("203.0.113.10"), m.connection());
            assertEquals(SampleSdp.LOCAL.candidates(), m.candidates());
            assertEquals(2, m.candidates().size());
            assertTrue(m.endOfCandidates());
        }
    }

    @Test
    void rejectsDataChannelWithPortZeroAndKeepsItsMid() throws Exception {
        MediaDescription data = answer(SampleSdp.CHROME_OFFER).media().get(2);
        assertEquals("application", data.media());
        assertEquals(0, data.port());
        assertEquals("2", data.mid());
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertTrue(data.isRejected());
        assertTrue(data.candidates().isEmpty());
    }

    @Test
    void keepsOnlyCommonCodecsWithTheOfferersPayloadTypes() throws Exception {
        SessionDescription chrome = answer(SampleSdp.CHROME_OFFER);
        MediaDescription audio = chrome.media().get(0);
        assertEquals(List.of(new Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of())),
                audio.codecs());
        assertEquals(List.of("111"), audio.formats());
        MediaDescription video = chrome.media().get(1);
        assertEquals(List.of(new Codec(96, "VP8", 90000, 0, null, List.of("nack", "nack pli", "ccm fir"))),
                video.codecs());

        SessionDescription firefox = answer(SampleSdp.FIREFOX_OFFER);
        assertEquals(109, firefox.media().get(0).codecs().get(0).payloadType());
        assertEquals(List.of("120"), firefox.media().get(1).formats());
    }

    @Test
    void keepsSupportedExtensionsWithTheOfferersIds() throws Exception {
        MediaDescription audio = answer(SampleSdp.CHROME_OFFER).media().get(0);
        assertEquals(List.of(new Extmap(1, Extmap.AUDIO_LEVEL), new Extmap(4, Extmap.SDES_MID)), audio.extmaps());
        MediaDescription video = answer(SampleSdp.FIREFOX_OFFER).media().get(1);
        assertEquals(List.of(new Extmap(3, Extmap.SDES_MID)), video.extmaps());
    }

    @Test
    void receivesWhatTheClientSendsAndSendsNothingWithoutTrack() throws Exception {
        SessionDescription answer = answer(SampleSdp.CHROME_OFFER);
        assertEquals(Direction.RECVONLY, answer.media().get(0).direction());
        assertEquals(Direction.RECVONLY, answer.media().get(1).direction());
        assertTrue(answer.media().get(0).msids().isEmpty());
        assertTrue(answer.media().get(0).ssrcs().isEmpty());
    }

    @Test
    void sendsTheSessionsTrackWhereTheClientOffersToReceive() throws Exception {
        String offer = SampleSdp.crlf(SampleSdp.CHROME_OFFER).replace("a=sendonly", "a=recvonly");
        SendTrack track = new SendTrack("sess-a", "screen_sess-a", 0x11223344L, 96);
        SessionDescription answer = builder.answer(SdpParser.parse(offer),
                List.of(Transceiver.sending("1", MediaKind.VIDEO, track)), Origin.local(7, 2));

        MediaDescription video = answer.media().get(1);
        assertEquals(Direction.SENDONLY, video.direction());
        assertEquals(List.of(new Msid("sess-a", "screen_sess-a")), video.msids());
        assertEquals(List.of(new SsrcAttribute(0x11223344L, "cname", "sess-a"),
                new SsrcAttribute(0x11223344L, "msid", "sess-a screen_sess-a")), video.ssrcs());
    }

    @Test
    void recvonlySectionWithoutTrackIsInactive() throws Exception {
        String offer = SampleSdp.crlf(SampleSdp.CHROME_OFFER).replace("a=sendonly", "a=recvonly");
        SessionDescription answer = builder.answer(SdpParser.parse(offer), List.of(), Origin.local(7, 2));
        assertEquals(Direction.INACTIVE, answer.media().get(1).direction());
        assertFalse(answer.media().get(1).isRejected());
    }

    @Test
    void rejectsRtpSectionWithoutCommonCodec() throws Exception {
        String offer = SampleSdp.crlf(SampleSdp.CHROME_OFFER).replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP9/90000");
        SessionDescription answer = builder.answer(SdpParser.parse(offer), List.of(), Origin.local(7, 2));
        assertTrue(answer.media().get(1).isRejected());
        assertEquals(List.of("0"), answer.bundleGroup().mids());
    }

    @Test
    void refusesOfferWithoutRtcpMux() {
        String offer = SampleSdp.crlf(SampleSdp.FIREFOX_OFFER).replaceFirst("a=rtcp-mux\r\n", "");
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> builder.answer(SdpParser.parse(offer), List.of(), Origin.local(7, 1)));
        assertTrue(e.getMessage().contains("rtcp-mux"), e.getMessage());
        assertTrue(e.getMessage().contains("mid '0'"), e.getMessage());
    }

    @Test
    void refusesOfferWithoutBundle() {
        String offer = SampleSdp.crlf(SampleSdp.CHROME_OFFER).replace("a=group:BUNDLE 0 1 2\r\n", "");
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> builder.answer(SdpParser.parse(offer), List.of(), Origin.local(7, 1)));
        assertTrue(e.getMessage().contains("BUNDLE"), e.getMessage());
    }

    @Test
    void refusesOfferWithSectionOutsideBundle() {
        String offer = SampleSdp.crlf(SampleSdp.CHROME_OFFER).replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 2");
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> builder.answer(SdpParser.parse(offer), List.of(), Origin.local(7, 1)));
        assertTrue(e.getMessage().contains("mid '1' is not in its BUNDLE group"), e.getMessage());
    }

    @Test
    void refusesPassiveOfferAndMissingCredentials() {
        String passive = SampleSdp.crlf(SampleSdp.CHROME_OFFER).replace("a=setup:actpass", "a=setup:passive");
        assertThrows(SdpNegotiationException.class,
                () -> builder.answer(SdpParser.parse(passive), List.of(), Origin.local(7, 1)));
        String noFingerprint = SampleSdp.crlf(SampleSdp.FIREFOX_OFFER).replaceFirst("a=fingerprint:[^\r]*\r\n", "");
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> builder.answer(SdpParser.parse(noFingerprint), List.of(), Origin.local(7, 1)));
        assertTrue(e.getMessage().contains("fingerprint"), e.getMessage());
    }

    @Test
    void refusesOfferWithOnlyADataChannel() {
        String offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
                + "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuv\r\n"
                + "a=fingerprint:sha-256 AB:CD\r\na=setup:actpass\r\n";
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> builder.answer(SdpParser.parse(offer), List.of(), Origin.local(7, 1)));
        assertTrue(e.getMessage().contains("no audio or video"), e.getMessage());
    }

    @Test
    void answerIsWrittenAndReadBackUnchangedAndFitsTheOffer() throws Exception {
        SessionDescription offer = SampleSdp.parse(SampleSdp.FIREFOX_OFFER);
        SessionDescription answer = builder.answer(offer, List.of(), Origin.local(7, 1));
        SessionDescription reread = SdpParser.parse(SdpWriter.write(answer));
        assertEquals(answer, reread);
        assertNull(reread.setup());
        assertEquals("sha-256", TransportParameters.of(reread).fingerprint().hashFunction());
    }
}
