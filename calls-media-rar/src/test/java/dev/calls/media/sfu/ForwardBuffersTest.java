package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.LatencyHistogram;
import dev.calls.media.ice.Fingerprint;
import dev.calls.media.ice.MessageIntegrity;
import dev.calls.media.ice.StunAttributeType;
import dev.calls.media.ice.StunMessageType;
import dev.calls.media.ice.StunMessageWriter;
import dev.calls.media.ice.UnknownCheckReplies;
import dev.calls.media.transport.BatchSend;
import dev.calls.media.transport.ChannelSender;
import dev.calls.media.transport.Destination;
import dev.calls.media.transport.TrafficCounters;

/**
 * A forwarding worker's batch: what goes out when, what is counted, and what the latency histogram sees;
 * and a receive thread's answers to checks from unknown sources.
 */
class ForwardBuffersTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void moreDatagramsThanABatchHoldsGoOutAsItFillsAndTheRestAtFlush() throws Exception {
        int count = 2 * ForwardBuffers.WORKER_BATCH + 22;
        try (DatagramChannel channel = DatagramChannel.open();
                DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            channel.bind(new InetSocketAddress(LOOPBACK, 0));
            receiver.setReceiveBufferSize(1 << 20);
            receiver.setSoTimeout(5000);
            TrafficCounters traffic = new TrafficCounters();
            ForwardBuffers buffers = new ForwardBuffers(
                    new ChannelSender(channel, BatchSend.best(channel), traffic), ForwardBuffers.WORKER_BATCH);
            Destination to = new Destination((InetSocketAddress) receiver.getLocalSocketAddress());

            buffers.receivedAtNanos = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Arrays.fill(buffers.out, 0, 100, (byte) i);
                buffers.send(100, to);
            }
            assertEquals(2L * ForwardBuffers.WORKER_BATCH, traffic.packetsOut(), "two full batches went at once");
            buffers.flush();
            assertEquals(count, traffic.packetsOut(), "the rest at flush");
            buffers.flush();
            assertEquals(count, traffic.packetsOut(), "an empty flush sends nothing");

            byte[] expected = new byte[100];
            DatagramPacket packet = new DatagramPacket(new byte[200], 200);
            for (int i = 0; i < count; i++) {
                receiver.receive(packet);
                Arrays.fill(expected, (byte) i);
                assertArrayEquals(expected, Arrays.copyOf(packet.getData(), packet.getLength()), "datagram " + i);
            }
            assertEquals(count, LatencyHistogram.merge(List.of(buffers.forwardingLatency())).count(),
                    "one latency per datagram sent");
            assertEquals(0, buffers.sendFailures());
        }
    }

    @Test
    void datagramsToAClosedSocketAreCountedAsFailuresNotTimed() throws Exception {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(LOOPBACK, 0));
        TrafficCounters traffic = new TrafficCounters();
        ChannelSender sender = new ChannelSender(channel, BatchSend.best(channel), traffic);
        ForwardBuffers buffers = new ForwardBuffers(sender, ForwardBuffers.WORKER_BATCH);
        sender.close();

        for (int i = 0; i < 3; i++) {
            buffers.send(50, new Destination(new InetSocketAddress(LOOPBACK, 9)));
        }
        buffers.flush();

        assertEquals(3, buffers.sendFailures());
        assertEquals(3, traffic.refusedSends());
        assertEquals(0, LatencyHistogram.merge(List.of(buffers.forwardingLatency())).count());
    }

    @Test
    void aStrangerNeverGetsMoreBytesThanItSentNorMoreRepliesThanTheRate() throws Exception {
        try (DatagramChannel channel = DatagramChannel.open();
                DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            channel.bind(new InetSocketAddress(LOOPBACK, 0));
            stranger.setSoTimeout(300);
            TrafficCounters traffic = new TrafficCounters();
            UnknownCheckReplies replies = new UnknownCheckReplies(1, 3, System.nanoTime());
            ForwardBuffers buffers = new ForwardBuffers(new ChannelSender(channel, BatchSend.best(channel), traffic),
                    replies);
            InetSocketAddress from = (InetSocketAddress) stranger.getLocalSocketAddress();

            byte[] tiny = stun(null);
            assertEquals(28, tiny.length, "the security review's request: a header and a FINGERPRINT");
            buffers.refuseUnknownCheck(tiny, 0, tiny.length, from);
            assertEquals(0, traffic.packetsOut(), "its 400 would be 48 bytes: not sent");

            byte[] check = stun("nosuchufrag:client");
            for (int i = 0; i < 10; i++) {
                buffers.refuseUnknownCheck(check, 0, check.length, from);
            }
            assertEquals(3, traffic.packetsOut(), "the burst, then the rate");
            assertEquals(1 + 7, replies.dropped());
            DatagramPacket reply = new DatagramPacket(new byte[200], 200);
            stranger.receive(reply);
            assertTrue(reply.getLength() <= check.length, reply.getLength() + " bytes for " + check.length);
        }
    }

    /** A binding request: with USERNAME, PRIORITY and MESSAGE-INTEGRITY when {@code username} is given. */
    private static byte[] stun(String username) {
        byte[] buf = new byte[256];
        StunMessageWriter writer = new StunMessageWriter().start(buf, 0, StunMessageType.BINDING_REQUEST, new byte[12], 0);
        if (username != null) {
            byte[] user = username.getBytes(StandardCharsets.US_ASCII);
            writer.addBytes(StunAttributeType.USERNAME, user, 0, user.length);
            writer.addInt(StunAttributeType.PRIORITY, 1);
            MessageIntegrity.shortTerm("whatever-password-12345").append(writer);
        }
        new Fingerprint().append(writer);
        return Arrays.copyOf(buf, writer.length());
    }
}
