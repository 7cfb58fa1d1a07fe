package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.LatencyHistogram;
import dev.calls.media.transport.BatchSend;
import dev.calls.media.transport.ChannelSender;
import dev.calls.media.transport.Destination;
import dev.calls.media.transport.TrafficCounters;

/** A forwarding worker's batch: what goes out when, what is counted, and what the latency histogram sees. */
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
}
