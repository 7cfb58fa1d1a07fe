package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class StunBindingClientTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final InetSocketAddress PUBLIC = new InetSocketAddress("203.0.113.7", 40_000);

    @Test
    void returnsTheAddressTheServerReports() throws Exception {
        try (FakeStunServer server = new FakeStunServer(PUBLIC, 0); DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
            assertEquals(PUBLIC, StunBindingClient.query(socket, server.address(), Duration.ofSeconds(10)));
        }
    }

    @Test
    void retransmitsWhenARequestGoesUnanswered() throws Exception {
        try (FakeStunServer server = new FakeStunServer(PUBLIC, 1); DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
            assertEquals(PUBLIC, StunBindingClient.query(socket, server.address(), Duration.ofSeconds(10)));
        }
    }

    @Test
    void givesUpWithNullWhenNothingAnswers() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, LOOPBACK); DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
            InetSocketAddress server = (InetSocketAddress) silent.getLocalSocketAddress();
            assertNull(StunBindingClient.query(socket, server, Duration.ofMillis(700)));
        }
    }
}
