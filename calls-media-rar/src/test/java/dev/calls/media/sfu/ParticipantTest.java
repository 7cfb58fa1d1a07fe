package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

import dev.calls.limits.Limit;
import dev.calls.media.api.MediaException;
import dev.calls.media.bench.UdpSink;
import dev.calls.media.srtp.SrtpProfile;

/** A session's defences: against offers announcing too many sources, and against replayed ICE checks. */
class ParticipantTest {

    @Test
    void anOfferWithMoreSourcesThanTheLimitIsRefusedAndNothingOfItIsKept() throws Exception {
        try (ConnectedCall call = new ConnectedCall(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 1, s -> s)) {
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
    private static String withSources(String offer, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long ssrc = 1_000_000L + i;
            lines.append("a=ssrc:").append(ssrc).append(" cname:4TOk42mSjXCkVIa6\r\n");
        }
        return offer + lines;
    }

    @Test
    void aReplayedCheckFromANewAddressLeavesTheMediaWhereItIsButAFreshNominationMovesIt() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 1);
                UdpSink elsewhere = new UdpSink()) {
            Participant subscriber = call.subscribers().get(0);
            int[] sequence = {100};
            LongSupplier forwardOne = () -> {
                forward(call, sequence[0]++);
                return call.drainWorkers();
            };

            byte[] check = call.nominatingCheck(subscriber);
            subscriber.onStun(call.buffers(), check, 0, check.length, call.sink().address(), call.sender());
            subscriber.onStun(call.buffers(), check, 0, check.length, elsewhere.address(), call.sender());
            assertEquals(1, forwardOne.getAsLong());
            awaitRtp(call.sink(), 1);
            assertEquals(0, elsewhere.receivedRtp(), "the replayed check moved nothing");

            byte[] fresh = call.nominatingCheck(subscriber);
            subscriber.onStun(call.buffers(), fresh, 0, fresh.length, elsewhere.address(), call.sender());
            assertEquals(1, forwardOne.getAsLong());
            awaitRtp(elsewhere, 1);
            assertEquals(1, call.sink().receivedRtp(), "a new nomination (NAT rebinding) moved the media");
        }
    }

    private static void forward(ConnectedCall call, int sequence) {
        byte[] packet = new byte[ForwardBuffers.SIZE];
        int plain = OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, sequence);
        int length = call.publisherClient().protectRtp(packet, 0, plain);
        call.publisher().onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
    }

    private static void awaitRtp(UdpSink sink, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sink.receivedRtp() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, sink.receivedRtp());
    }
}
