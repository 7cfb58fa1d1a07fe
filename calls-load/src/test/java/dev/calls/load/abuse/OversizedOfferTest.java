package dev.calls.load.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import dev.calls.load.client.ClientIdentity;
import dev.calls.load.client.ClientOffer;
import dev.calls.load.signaling.SignalingException;
import dev.calls.media.dtls.DtlsCertificate;

class OversizedOfferTest {

    private static final ClientIdentity IDENTITY = ClientIdentity.generate(new SecureRandom(), DtlsCertificate.generate(), false);

    @Test
    void theOfferIsASpeakersWithSixHundredMoreSourcesInItsAudioSection() {
        String plain = ClientOffer.write(IDENTITY, true, 7, 1);
        String offer = OversizedOffer.offer(IDENTITY, 7, 600);

        assertTrue(offer.startsWith(plain), "the browser's offer, unchanged, then the extra lines");
        assertEquals(600 + 2, offer.lines().filter(line -> line.startsWith("a=ssrc:")).count(),
                "the speaker's own two lines and 600 more");
        assertEquals(1, offer.lines().filter(line -> line.startsWith("m=")).count(), "all in the one audio section");
        assertTrue(offer.endsWith("\r\n"));
        int extraBytes = offer.getBytes(StandardCharsets.UTF_8).length - plain.length();
        assertTrue(extraBytes > 12_000 && extraBytes < 20_000, "about 13 KB of sources: " + extraBytes);
    }

    @Test
    void aRefusalIsReportedByItsErrorIdAndAFailureByItsText() {
        assertEquals("FAIL sdp_too_large", AttackResult.refusal(new SignalingException("sdp refused", "sdp_too_large")));
        assertEquals("failed: sdp offer: no reply within 30 s",
                AttackResult.refusal(new SignalingException("sdp offer: no reply within 30 s")));
    }
}
