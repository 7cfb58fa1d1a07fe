package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class UdpPortTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void trafficCountsEveryDatagramReceivedAndSentAndEveryRefusedSend() throws Exception {
        BlockingQueue<Integer> handled = new ArrayBlockingQueue<>(8);
        try (UdpPort port = UdpPort.bind(new InetSocketAddress(LOOPBACK, 0), 1, 65536);
                DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            List<PacketSender> senders = new ArrayList<>();
            List<ReceiveLoop> loops = port.receiveLoops(sender -> {
                senders.add(sender);
                return (buf, off, len, from, replyVia) -> {
                    replyVia.send(buf, off, len, from);
                    handled.add(len);
                };
            }, 2048);
            Thread loop = new Thread(loops.get(0));
            loop.start();

            peer.setSoTimeout(5000);
            peer.send(new DatagramPacket(new byte[100], 100, LOOPBACK, port.localPort()));
            peer.send(new DatagramPacket(new byte[60], 60, LOOPBACK, port.localPort()));
            assertEquals(100, handled.poll(5, TimeUnit.SECONDS));
            assertEquals(60, handled.poll(5, TimeUnit.SECONDS));
            DatagramPacket echo = new DatagramPacket(new byte[200], 200);
            peer.receive(echo);
            peer.receive(echo);

            TrafficCounters traffic = port.traffic();
            assertEquals(2, traffic.packetsIn());
            assertEquals(160, traffic.bytesIn());
            assertEquals(2, traffic.packetsOut());
            assertEquals(160, traffic.bytesOut());
            assertEquals(0, traffic.refusedSends());

            port.close();
            loop.join(5000);
            assertFalse(senders.get(0).send(new byte[10], 0, 10, new InetSocketAddress(LOOPBACK, 9)));
            assertEquals(1, traffic.refusedSends());
        }
    }
}
