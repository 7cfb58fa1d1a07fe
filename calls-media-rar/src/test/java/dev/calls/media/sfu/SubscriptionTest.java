package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.calls.media.rtp.RtpPacket;

/** What a subscription changes in each packet for its subscriber. */
class SubscriptionTest {

    @Test
    void aPacketIsLeftAsItIsWhenTheSubscriberUsesThePublishersNumbers() {
        byte[] packet = new byte[ForwardBuffers.SIZE];
        int length = OpusPacket.write(packet, 1234, 7);
        byte[] original = Arrays.copyOf(packet, length);

        assertTrue(new Subscription(null, null, "1", -1, null).adapt(new RtpPacket(), packet, length));

        assertArrayEquals(original, Arrays.copyOf(packet, length));
    }

    @Test
    void thePayloadTypeIsRewrittenToTheSubscribersAndAnUnreadablePacketIsNotSent() {
        byte[] packet = new byte[ForwardBuffers.SIZE];
        int length = OpusPacket.write(packet, 1234, 7);
        RtpPacket view = new RtpPacket();
        Subscription subscription = new Subscription(null, null, "1", 109, null);

        assertTrue(subscription.adapt(view, packet, length));
        assertEquals(109, view.payloadType());

        assertFalse(subscription.adapt(view, new byte[4], 4));
    }
}
