package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.calls.limits.Limit;
import dev.calls.media.api.MediaException;
import dev.calls.media.srtp.SrtpProfile;

/** A session's offer/answer: what it refuses, and when. */
class NegotiationTest {

    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    @Test
    void anOfferWithMoreSourcesThanTheLimitIsRefusedAndNothingOfItIsKept() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();
            Participant publisher = call.publisher();
            String bloated = withSources(ConnectedCall.PUBLISHER_OFFER, 600);
            assertTrue(bloated.length() > 13_000, "the attack's offer is ≈ 13 KB: " + bloated.length());

            MediaException refused = assertThrows(MediaException.class, () -> publisher.acceptOffer(bloated));

            assertEquals("too_many_sources", refused.errorId());
            assertTrue(refused.getMessage().contains(String.valueOf(Limit.PUBLISHED_SOURCES_PER_SESSION.value())),
                    refused.getMessage());
            assertEquals(1, publisher.published().length, "the session still publishes its one voice, nothing more");
            assertTrue(publisher.isConnected());
            publisher.acceptOffer(ConnectedCall.PUBLISHER_OFFER);
            assertEquals(1, publisher.published().length, "a normal offer is still answered");
        }
    }

    /** The offer with {@code count} more audio SSRCs (cname and msid lines each) in its one audio section. */
    static String withSources(String offer, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long ssrc = 1_000_000L + i;
            lines.append("a=ssrc:").append(ssrc).append(" cname:4TOk42mSjXCkVIa6\r\n");
        }
        return offer + lines;
    }

    @Test
    void whileTheServersOfferIsPendingAClientOfferIsGlareAndAnswersAreTakenOnlyForIt() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();
            Participant joiner = call.answered(ConnectedCall.SUBSCRIBER_OFFER, "Rb7q");
            call.giveKeys(joiner);

            MediaException glare = assertThrows(MediaException.class,
                    () -> joiner.acceptOffer(ConnectedCall.SUBSCRIBER_OFFER));
            assertEquals("negotiation_glare", glare.errorId());

            assertTrue(call.answerOffer(joiner), "the server offered the publisher's voice");
            MediaException noOffer = assertThrows(MediaException.class, () -> joiner.acceptAnswer("v=0"));
            assertEquals("no_offer_pending", noOffer.errorId());
        }
    }

    @Test
    void aClosedSessionRefusesEveryOfferAndAnswer() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();
            Participant publisher = call.publisher();

            publisher.close(CloseReason.CLOSED);

            assertEquals("session_closed", assertThrows(MediaException.class,
                    () -> publisher.acceptOffer(ConnectedCall.PUBLISHER_OFFER)).errorId());
            assertEquals("session_closed", assertThrows(MediaException.class,
                    () -> publisher.acceptAnswer("v=0")).errorId());
        }
    }
}
