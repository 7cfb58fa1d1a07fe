package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Real sockets on loopback: the port receives, answers through the socket that received, and closes. */
class UdpPortTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void everySocketSharesOnePortAndDeliversDatagramsToTheHandler() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(100);
        List<Thread> threads = new ArrayList<>();
        try (UdpPort port = UdpPort.bind(new InetSocketAddress(LOOPBACK, 0), 2, 1 << 16)) {
            assertTrue(port.localPort() > 0);
            assertTrue(port.grantedReceiveBufferBytes() > 0);
            DatagramHandler echo = (buf, off, len, from, replyVia) -> {
                received.add(new String(buf, off, len, StandardCharsets.US_ASCII));
                replyVia.send(buf, off, len, from);
            };
            for (ReceiveLoop loop : port.receiveLoops(sender -> echo, 2048)) {
                Thread thread = new Thread(loop);
                thread.start();
                threads.add(thread);
            }

            for (int client = 0; client < 8; client++) {
                try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
                    socket.setSoTimeout(5000);
                    byte[] hello = ("hello " + client).getBytes(StandardCharsets.US_ASCII);
                    socket.send(new DatagramPacket(hello, hello.length, LOOPBACK, port.localPort()));
                    DatagramPacket reply = new DatagramPacket(new byte[64], 64);
                    socket.receive(reply);
                    assertArrayEquals(hello, Arrays.copyOf(reply.getData(), reply.getLength()));
                    assertEquals(port.localPort(), reply.getPort(), "the reply comes from the media port");
                }
            }
            assertEquals(8, received.size());
            assertNotNull(received.poll(1, TimeUnit.SECONDS));
        }
        for (Thread thread : threads) {
            thread.join(5000);
            assertFalse(thread.isAlive(), "closing the port ends its receive loops");
        }
    }

    @Test
    void closingReleasesThePort() throws Exception {
        int number;
        try (UdpPort port = UdpPort.bind(new InetSocketAddress(LOOPBACK, 0), 2, 1 << 16)) {
            number = port.localPort();
        }
        try (DatagramSocket socket = new DatagramSocket(number, LOOPBACK)) {
            assertEquals(number, socket.getLocalPort());
        }
    }

    @Test
    void aHandlerFailureDoesNotStopTheLoop() throws Exception {
        BlockingQueue<Integer> lengths = new ArrayBlockingQueue<>(10);
        try (UdpPort port = UdpPort.bind(new InetSocketAddress(LOOPBACK, 0), 1, 1 << 16)) {
            DatagramHandler flaky = (buf, off, len, from, replyVia) -> {
                lengths.add(len);
                if (len == 1) {
                    throw new IllegalStateException("handler bug");
                }
            };
            ReceiveLoop loop = port.receiveLoops(sender -> flaky, 2048).get(0);
            Thread thread = new Thread(loop);
            thread.start();
            try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
                socket.send(new DatagramPacket(new byte[1], 1, LOOPBACK, port.localPort()));
                socket.send(new DatagramPacket(new byte[5], 5, LOOPBACK, port.localPort()));
            }
            assertEquals(1, lengths.poll(5, TimeUnit.SECONDS));
            assertEquals(5, lengths.poll(5, TimeUnit.SECONDS));
            loop.stop();
            thread.join(5000);
            assertFalse(thread.isAlive());
        }
    }
}
