package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.calls.media.srtp.SrtpProfile;

/**
 * Who is offered whose tracks. A joiner's voice is offered to nobody until its first unmute, so that joins
 * of silent participants renegotiate no other session; from then on everybody receives it, later joiners
 * included, even while it is muted again.
 */
class CallTest {

    private int nextSequence = 1;

    @Test
    void aVoiceIsOfferedToTheOthersFromItsPublishersFirstUnmute() throws Exception {
        try (ConnectedCall call = new ConnectedCall(SrtpProfile.AEAD_AES_128_GCM, 1, UnaryOperator.identity())) {
            call.startPublisher(false);
            Participant early = call.addSubscriber();
            assertFalse(call.answerOffer(early), "no offer for a voice that was never unmuted");
            assertEquals(0, call.publishedSubscriberCount());
            assertEquals(0, forwardOnePacket(call), "a muted voice is not forwarded");

            call.publisher().setMuted(false);
            assertTrue(call.answerOffer(early), "the first unmute offers the voice to who is in the call");
            assertEquals(1, call.publishedSubscriberCount());
            assertEquals(1, forwardOnePacket(call));

            call.publisher().setMuted(true);
            call.publisher().setMuted(false);
            assertFalse(call.answerOffer(early), "unmuting again renegotiates nothing");

            call.publisher().setMuted(true);
            call.addSubscriber();
            assertEquals(2, call.publishedSubscriberCount(), "a later joiner receives a voice heard before");
            assertEquals(0, forwardOnePacket(call), "but not while it is muted");
        }
    }

    @Test
    void aVoiceUnmutedBeforeItsSessionConnectsIsOfferedOnConnecting() throws Exception {
        try (ConnectedCall call = new ConnectedCall(SrtpProfile.AEAD_AES_128_GCM, 1, UnaryOperator.identity())) {
            call.startPublisher(false);
            Participant listener = call.addSubscriber();
            Participant speaker = call.answered(ConnectedCall.PUBLISHER_OFFER, "Sp9k");
            speaker.setMuted(false);
            assertFalse(call.answerOffer(listener), "nothing is offered before the speaker's media is up");

            call.connect(speaker);
            assertTrue(call.answerOffer(listener), "connecting offers the voice unmuted meanwhile");
            assertEquals(1, speaker.published()[0].subscriberCount());
        }
    }

    /** Has the publisher's browser send one voice packet; returns how many packets the workers forwarded. */
    private int forwardOnePacket(ConnectedCall call) {
        byte[] packet = new byte[ForwardBuffers.SIZE];
        int length = call.publisherClient().protectRtp(packet, 0, OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC,
                nextSequence++));
        call.publisher().onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
        return call.drainWorkers();
    }
}
