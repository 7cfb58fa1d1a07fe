package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.calls.media.rtp.AudioLevel;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.srtp.SrtpProfile;

/** The call the forward-path benchmark drives really forwards: each subscriber gets each packet, decryptable. */
class ConnectedCallTest {

    private static final int SUBSCRIBERS = 3;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everySubscriberReceivesThePublishersPacketUnderItsOwnKeys(SrtpProfile profile) throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(profile, SUBSCRIBERS)) {
            assertEquals(SUBSCRIBERS, call.publishedSubscriberCount());
            assertTrue(call.subscribers().stream().allMatch(Participant::isConnected));
            long before = call.sink().receivedRtp();

            byte[] packet = new byte[ForwardBuffers.SIZE];
            int plain = OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, 7);
            byte[] payload = Arrays.copyOfRange(packet, OpusPacket.HEADER_LENGTH, plain);
            int length = call.publisherClient().protectRtp(packet, 0, plain);
            call.publisher().onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
            assertEquals(1, call.drainWorkers(), "one copy queued for the one worker, whatever the subscriber count");

            byte[] lastSent = call.forwarding().buffers().get(0).out;
            int received = call.subscriberClient(SUBSCRIBERS - 1).unprotectRtp(lastSent, 0, length);
            RtpPacket forwarded = new RtpPacket();
            assertTrue(forwarded.wrap(lastSent, 0, received));
            assertArrayEquals(payload, Arrays.copyOfRange(lastSent, forwarded.payloadOffset(), received));
            assertEquals(ConnectedCall.PUBLISHER_SSRC, forwarded.ssrc());
            assertEquals(-1, forwarded.extension().find(OpusPacket.MID_ID), "the publisher's mid is not forwarded");
            assertTrue(AudioLevel.read(forwarded, OpusPacket.AUDIO_LEVEL_ID) >= 0, "the audio level is forwarded");
            assertEquals(0, call.publisher().srtpDrops());
            awaitReceived(call, before + SUBSCRIBERS);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSessionIsHeardWhenAPacketAuthenticatesAndNotOtherwise(SrtpProfile profile) throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(profile, 1)) {
            long opened = call.publisher().lastHeardNanos();
            byte[] packet = new byte[ForwardBuffers.SIZE];
            int plain = OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, 7);
            int length = call.publisherClient().protectRtp(packet, 0, plain);
            byte[] forged = Arrays.copyOf(packet, length);
            forged[length - 1] ^= 1;

            call.publisher().onSrtp(call.buffers(), forged, 0, length, opened + Duration.ofSeconds(1).toNanos());
            assertEquals(opened, call.publisher().lastHeardNanos(), "a packet that fails authentication");

            call.publisher().onSrtp(call.buffers(), packet, 0, length, opened + Duration.ofSeconds(2).toNanos());
            assertEquals(opened + Duration.ofSeconds(2).toNanos(), call.publisher().lastHeardNanos());
        }
    }

    private static void awaitReceived(ConnectedCall call, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (call.sink().receivedRtp() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertEquals(expected, call.sink().receivedRtp(), "one forwarded packet per subscriber, no more");
    }
}
