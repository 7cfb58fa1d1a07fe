package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.dtls.DtlsCertificate;
import dev.calls.media.sdp.Direction;
import dev.calls.media.sdp.MediaKind;
import dev.calls.media.sdp.MediaSectionInfo;
import dev.calls.media.sdp.SdpParser;
import dev.calls.media.sdp.SessionDescription;
import dev.calls.media.sdp.SetupRole;
import dev.calls.media.sdp.TransportParameters;

/** The offers and answers of a simulated browser, read back with the engine's SDP parser. */
class ClientSdpTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();

    @Test
    void aSharingSpeakerOffersItsVoiceAndItsScreenWithTheirSources() throws Exception {
        ClientIdentity identity = ClientIdentity.generate(RANDOM, CERTIFICATE, true);

        SessionDescription offer = SdpParser.parse(ClientOffer.write(identity, true, 42, 1));

        List<MediaSectionInfo> sections = MediaSectionInfo.of(offer);
        assertEquals(2, sections.size());
        assertEquals(MediaKind.AUDIO, sections.get(0).kind());
        assertEquals(Direction.SENDRECV, sections.get(0).direction());
        assertEquals(Integer.toUnsignedLong(identity.audioSsrc()), sections.get(0).sources().get(0).ssrc());
        assertEquals(ClientOffer.AUDIO_LEVEL_ID, sections.get(0).audioLevelExtensionId());
        assertEquals(MediaKind.VIDEO, sections.get(1).kind());
        assertEquals(Direction.SENDONLY, sections.get(1).direction());
        assertEquals(identity.screenStreamId(), sections.get(1).sources().get(0).streamId());
        TransportParameters transport = TransportParameters.of(offer);
        assertEquals(SetupRole.ACTPASS, transport.setup());
        assertEquals(identity.ice().ufrag(), transport.iceUfrag());
        assertEquals(CERTIFICATE.fingerprint().toSdp(), transport.fingerprint().sdpValue());
        assertEquals(List.of("0", "1"), offer.bundleGroup().mids());
    }

    @Test
    void aListenerOffersToReceiveAudioOnlyWithoutSources() throws Exception {
        ClientIdentity identity = ClientIdentity.generate(RANDOM, CERTIFICATE, false);

        SessionDescription offer = SdpParser.parse(ClientOffer.write(identity, false, 42, 1));

        List<MediaSectionInfo> sections = MediaSectionInfo.of(offer);
        assertEquals(1, sections.size());
        assertEquals(Direction.RECVONLY, sections.get(0).direction());
        assertTrue(sections.get(0).sources().isEmpty());
    }

    @Test
    void theAnswerToAServerOfferReceivesOthersAndKeepsSendingItsOwn() throws Exception {
        ClientIdentity identity = ClientIdentity.generate(RANDOM, CERTIFICATE, false);
        String serverOffer = String.join("\r\n",
                "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=ice-lite", "a=group:BUNDLE 0 1 2",
                "m=audio 8443 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 127.0.0.1", "a=ice-ufrag:srvU", "a=ice-pwd:serverPassword0123456789",
                "a=fingerprint:sha-256 " + CERTIFICATE.fingerprint().hexDigest(), "a=setup:actpass", "a=mid:0", "a=recvonly",
                "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "a=candidate:1 1 udp 2130706431 127.0.0.1 8443 typ host",
                "m=audio 8443 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 127.0.0.1", "a=mid:1", "a=sendonly",
                "a=msid:other voice_other", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "a=ssrc:1234 cname:x",
                "m=audio 0 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 127.0.0.1", "a=mid:2", "a=inactive", "a=rtcp-mux",
                "a=rtpmap:111 opus/48000/2", "");

        SessionDescription answer = SdpParser.parse(ClientAnswer.to(serverOffer, identity, true, 42, 2));

        List<MediaSectionInfo> sections = MediaSectionInfo.of(answer);
        assertEquals(Direction.SENDONLY, sections.get(0).direction());
        assertEquals(Integer.toUnsignedLong(identity.audioSsrc()), sections.get(0).sources().get(0).ssrc());
        assertEquals(Direction.RECVONLY, sections.get(1).direction());
        assertTrue(sections.get(1).sources().isEmpty());
        assertTrue(sections.get(2).rejected());
        assertEquals(SetupRole.ACTIVE, TransportParameters.of(answer).setup());
        assertEquals(identity.ice().ufrag(), TransportParameters.of(answer).iceUfrag());
        assertTrue(answer.media().stream().allMatch(m -> m.candidates().isEmpty()));
        assertTrue(!answer.iceLite());
    }
}
