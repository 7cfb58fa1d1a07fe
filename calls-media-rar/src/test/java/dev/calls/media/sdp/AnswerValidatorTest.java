package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerValidatorTest {

    private SessionDescription offer;
    private String offerText;

    AnswerValidatorTest() throws Exception {
        MediaCapabilities capabilities = MediaCapabilities.defaults();
        SessionDescription current = new AnswerBuilder(SampleSdp.LOCAL, capabilities)
                .answer(SampleSdp.parse(SampleSdp.CHROME_OFFER), List.of(), Origin.local(7, 1));
        offer = new OfferBuilder(SampleSdp.LOCAL, capabilities).offer(current, List.of(
                Transceiver.receiving("0", MediaKind.AUDIO),
                Transceiver.receiving("1", MediaKind.VIDEO),
                Transceiver.sending("3", MediaKind.AUDIO, new SendTrack("sessb", "voice_sessb", 1001, 111))),
                Origin.local(7, 2));
        offerText = SdpWriter.write(offer);
    }

    /** The client's answer as a browser writes it: roles and directions mirrored, its own credentials. */
    private String clientAnswer() {
        return offerText
                .replace("a=ice-lite\r\n", "")
                .replaceAll("a=candidate:[^\r]*\r\n", "")
                .replace("a=end-of-candidates\r\n", "")
                .replace("a=setup:actpass", "a=setup:active")
                .replace("a=ice-ufrag:srvUfrag1", "a=ice-ufrag:Xk3f")
                .replace("a=ice-pwd:serverIcePassword0123456789", "a=ice-pwd:8Dq2lZbmvP0sVw6YpX7cHnJk")
                .replaceAll("a=msid:[^\r]*\r\n", "")
                .replaceAll("a=ssrc:[^\r]*\r\n", "")
                .replace("a=sendonly", "a=TMP")
                .replace("a=recvonly", "a=sendonly")
                .replace("a=TMP", "a=recvonly");
    }

    private void check(String answer) throws Exception {
        AnswerValidator.check(offer, SdpParser.parse(answer));
    }

    @Test
    void acceptsMatchingAnswer() {
        assertDoesNotThrow(() -> check(clientAnswer()));
    }

    @Test
    void acceptsAnswerThatRejectsAnOfferedSection() {
        String answer = clientAnswer().replaceFirst("m=audio 8443 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 203.0.113.10\r\n"
                + "a=mid:3", "m=audio 0 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 203.0.113.10\r\na=mid:3");
        assertDoesNotThrow(() -> check(answer));
    }

    @Test
    void refusesMismatches() {
        assertRefused(clientAnswer().replace("a=mid:3", "a=mid:9"), "mid");
        String withoutLastSection = clientAnswer().substring(0, clientAnswer().lastIndexOf("m=audio"));
        assertRefused(withoutLastSection.replace(" 0 1 3", " 0 1"), "m-sections");
        assertRefused(clientAnswer().replace("m=application 0", "m=application 9"), "disabled");
        assertRefused(clientAnswer().replace("a=setup:active", "a=setup:passive"), "setup");
        assertRefused(clientAnswer().replace("a=recvonly", "a=sendrecv"), "direction");
        assertRefused(clientAnswer().replace("a=rtcp-mux\r\n", ""), "rtcp-mux");
        assertRefused(clientAnswer().replace("a=group:BUNDLE 0 1 3", "a=group:BUNDLE 0 1"), "BUNDLE");
        assertRefused(clientAnswer().replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 ISAC/16000"), "payload type");
    }

    private void assertRefused(String answer, String reason) {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class, () -> check(answer));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
