package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferBuilderTest {

    private final MediaCapabilities capabilities = MediaCapabilities.defaults();
    private final OfferBuilder offers = new OfferBuilder(SampleSdp.LOCAL, capabilities);

    /** The server's answer to Chrome's first offer: the session's local description before renegotiation. */
    private SessionDescription firstAnswer() throws SdpNegotiationException {
        return new AnswerBuilder(SampleSdp.LOCAL, capabilities)
                .answer(SampleSdp.parse(SampleSdp.CHROME_OFFER), List.of(), Origin.local(7, 1));
    }

    private List<Transceiver> clientTransceivers() {
        return new ArrayList<>(List.of(Transceiver.receiving("0", MediaKind.AUDIO),
                Transceiver.receiving("1", MediaKind.VIDEO)));
    }

    @Test
    void addingTwoRemoteTracksAppendsSendonlySectionsWithMsidAndSsrc() throws Exception {
        SessionDescription current = firstAnswer();
        List<Transceiver> transceivers = clientTransceivers();
        String voiceMid = OfferBuilder.nextMid(current, transceivers);
        transceivers.add(Transceiver.sending(voiceMid, MediaKind.AUDIO,
                new SendTrack("sessb", "voice_sessb", 1001, offers.payloadTypeFor(current, MediaKind.AUDIO))));
        String screenMid = OfferBuilder.nextMid(current, transceivers);
        transceivers.add(Transceiver.sending(screenMid, MediaKind.VIDEO,
                new SendTrack("sessb", "screen_sessb", 1002, offers.payloadTypeFor(current, MediaKind.VIDEO))));

        SessionDescription offer = offers.offer(current, transceivers, Origin.local(7, 2));

        assertEquals("3", voiceMid);
        assertEquals("4", screenMid);
        assertEquals(List.of("0", "1", "2", "3", "4"), offer.mids());
        assertEquals(new Group("BUNDLE", List.of("0", "1", "3", "4")), offer.bundleGroup());
        assertTrue(offer.iceLite());
        assertTrue(offer.media().get(2).isRejected());
        assertEquals(Direction.RECVONLY, offer.media().get(0).direction());

        MediaDescription voice = offer.media().get(3);
        assertEquals("audio", voice.media());
        assertEquals(Direction.SENDONLY, voice.direction());
        assertEquals(List.of(new Msid("sessb", "voice_sessb")), voice.msids());
        assertEquals(List.of(new SsrcAttribute(1001, "cname", "sessb"),
                new SsrcAttribute(1001, "msid", "sessb voice_sessb")), voice.ssrcs());
        // Same payload type and extension ids as the client's audio section: one meaning per number in a bundle.
        assertEquals(111, voice.codecNamed("opus").payloadType());
        assertEquals("minptime=10;useinbandfec=1", voice.codecNamed("opus").fmtp());
        assertEquals(List.of(new Extmap(1, Extmap.AUDIO_LEVEL), new Extmap(4, Extmap.SDES_MID)), voice.extmaps());

        MediaDescription screen = offer.media().get(4);
        assertEquals("video", screen.media());
        assertEquals(List.of(new Msid("sessb", "screen_sessb")), screen.msids());
        assertEquals(96, screen.codecNamed("VP8").payloadType());
        assertEquals(List.of("nack", "nack pli", "ccm fir"), screen.codecNamed("VP8").rtcpFeedback());

        for (MediaDescription m : List.of(offer.media().get(0), voice, screen)) {
            assertEquals(SetupRole.ACTPASS, m.setup());
            assertEquals("srvUfrag1", m.iceUfrag());
            assertTrue(m.rtcpMux());
            assertTrue(m.endOfCandidates());
            assertEquals(SampleSdp.LOCAL.candidates(), m.candidates());
        }
    }

    @Test
    void removingATrackKeepsItsSectionInPlaceInactiveAndNeverReusesItsMid() throws Exception {
        SessionDescription first = firstAnswer();
        List<Transceiver> transceivers = clientTransceivers();
        transceivers.add(Transceiver.sending("3", MediaKind.AUDIO, new SendTrack("sessb", "voice_sessb", 1001, 111)));
        transceivers.add(Transceiver.sending("4", MediaKind.AUDIO, new SendTrack("sessc", "voice_sessc", 1003, 111)));
        SessionDescription withTwo = offers.offer(first, transceivers, Origin.local(7, 2));

        transceivers.set(2, transceivers.get(2).stopped());
        SessionDescription withOne = offers.offer(withTwo, transceivers, Origin.local(7, 3));

        assertEquals(List.of("0", "1", "2", "3", "4"), withOne.mids());
        MediaDescription removed = withOne.media().get(3);
        assertEquals(Direction.INACTIVE, removed.direction());
        assertTrue(removed.msids().isEmpty());
        assertTrue(removed.ssrcs().isEmpty());
        assertEquals(List.of(new Msid("sessc", "voice_sessc")), withOne.media().get(4).msids());
        assertEquals(Direction.SENDONLY, withOne.media().get(4).direction());
        assertEquals("5", OfferBuilder.nextMid(withOne, transceivers));

        transceivers.remove(2);
        SessionDescription forgotten = offers.offer(withOne, transceivers, Origin.local(7, 4));
        assertEquals(Direction.INACTIVE, forgotten.media().get(3).direction());
        assertEquals("5", OfferBuilder.nextMid(forgotten, transceivers));
    }

    @Test
    void offerSurvivesARoundTrip() throws Exception {
        SessionDescription current = firstAnswer();
        List<Transceiver> transceivers = clientTransceivers();
        transceivers.add(Transceiver.sending("3", MediaKind.AUDIO,
                new SendTrack("sessb", "screen-audio_sessb", 4294967295L, 111)));
        SessionDescription offer = offers.offer(current, transceivers, Origin.local(7, 2));
        assertEquals(offer, SdpParser.parse(SdpWriter.write(offer)));
    }

    @Test
    void newCodecGetsAFreePayloadTypeWhenItsDefaultIsTaken() throws Exception {
        // Firefox numbers H264 97, so a session that never had VP8 but used 96 elsewhere needs another number.
        SessionDescription current = SdpParser.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\na=rtpmap:96 opus/48000/2\r\n");
        assertEquals(96, offers.payloadTypeFor(current, MediaKind.AUDIO));
        assertEquals(97, offers.payloadTypeFor(current, MediaKind.VIDEO));
    }

    @Test
    void refusesTransceiverOfTheWrongKindForItsSection() throws Exception {
        SessionDescription current = firstAnswer();
        List<Transceiver> wrong = List.of(Transceiver.receiving("0", MediaKind.VIDEO));
        assertThrows(IllegalArgumentException.class, () -> offers.offer(current, wrong, Origin.local(7, 2)));
        List<Transceiver> rejected = List.of(Transceiver.receiving("2", MediaKind.AUDIO));
        assertThrows(IllegalArgumentException.class, () -> offers.offer(current, rejected, Origin.local(7, 2)));
    }
}
