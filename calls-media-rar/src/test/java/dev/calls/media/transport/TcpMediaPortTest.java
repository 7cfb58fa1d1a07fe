package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.calls.media.peer.Poll;

/**
 * The ICE-TCP port against real sockets on 127.0.0.1: the gate every connection passes before it may carry
 * media (its first packet must authenticate it; garbage, an oversized frame, silence and one connection too
 * many are closed and counted), framed traffic both ways once it is through, and a client too slow to read.
 * The handler here stands in for the engine: a first packet starting with "A" authenticates, later packets
 * are echoed, and a packet starting with "F" is answered with a flood, as a busy call sends to a subscriber.
 */
class TcpMediaPortTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_PACKET = 2048;
    private static final byte AUTHENTIC = 'A';
    private static final byte FLOOD = 'F';
    /** Far more than the kernel's socket buffers on loopback (a few MiB at most) and the connection's. */
    private static final int FLOOD_PACKETS = 20_000;

    private final List<TcpConnection> closed = new CopyOnWriteArrayList<>();
    private TcpMediaPort port;
    private Thread loop;

    private final TcpConnection.PacketHandler echo = new TcpConnection.PacketHandler() {
        @Override
        public boolean onPacket(TcpConnection connection, byte[] buf, int off, int len) {
            if (!connection.isAuthenticated()) {
                if (buf[off] == AUTHENTIC) {
                    connection.authenticate();
                }
                return true;
            }
            if (buf[off] == FLOOD) {
                byte[] media = FrameReaderTest.packet(1000, 7);
                for (int i = 0; i < FLOOD_PACKETS && connection.send(media, 0, media.length, connection.remote()); i++) {
                    // Sends until the connection refuses: its send buffer is full.
                }
                return true;
            }
            connection.send(buf, off, len, connection.remote());
            return true;
        }

        @Override
        public void closed(TcpConnection connection) {
            closed.add(connection);
        }
    };

    private void start(int maxUnauthenticated, long authTimeoutMillis, int sendBufferBytes) throws IOException {
        port = TcpMediaPort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), maxUnauthenticated,
                TimeUnit.MILLISECONDS.toNanos(authTimeoutMillis), MAX_PACKET, sendBufferBytes);
        loop = new Thread(port.loop(echo), "ice-tcp-test");
        loop.setDaemon(true);
        loop.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (port != null) {
            port.close();
            loop.join(5000);
        }
    }

    @Test
    void anAuthenticatedConnectionCarriesFramesBothWays() throws Exception {
        start(4, 10_000, 64 * 1024);
        try (Socket client = connect()) {
            OutputStream out = client.getOutputStream();
            out.write(FrameReaderTest.frame(new byte[] {AUTHENTIC, 1}));
            byte[] first = FrameReaderTest.packet(1200, 5);
            byte[] second = FrameReaderTest.packet(40, 6);
            // Two frames in one write, the second split from its length field: the server reads them as they come.
            byte[] both = concat(FrameReaderTest.frame(first), FrameReaderTest.frame(second));
            out.write(both, 0, 1203);
            out.flush();
            out.write(both, 1203, both.length - 1203);
            DataInputStream in = new DataInputStream(client.getInputStream());
            assertArrayEquals(first, readFrame(in));
            assertArrayEquals(second, readFrame(in));
        }
        Poll.until(TIMEOUT, () -> "the engine told of the close", () -> closed.isEmpty() ? null : Boolean.TRUE);
        assertNothingRefused();
    }

    @Test
    void aFirstPacketThatDoesNotAuthenticateClosesTheConnection() throws Exception {
        start(4, 10_000, 64 * 1024);
        try (Socket client = connect()) {
            client.getOutputStream().write(FrameReaderTest.frame("GET / HTTP/1.1".getBytes()));
            assertClosedByServer(client);
        }
        awaitRefused(TcpRefusal.BAD_FIRST_PACKET, 1);
        assertTrue(closed.isEmpty(), "an unauthenticated connection was never the engine's");
    }

    @Test
    void aFrameLongerThanAMediaPacketClosesTheConnectionEvenOnceAuthenticated() throws Exception {
        start(4, 10_000, 64 * 1024);
        try (Socket garbage = connect(); Socket member = connect()) {
            garbage.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 0, 0});
            assertClosedByServer(garbage);
            awaitRefused(TcpRefusal.OVERSIZED_FRAME, 1);

            member.getOutputStream().write(FrameReaderTest.frame(new byte[] {AUTHENTIC}));
            member.getOutputStream().write(new byte[] {(byte) ((MAX_PACKET + 1) >> 8), (byte) (MAX_PACKET + 1)});
            assertClosedByServer(member);
            awaitRefused(TcpRefusal.OVERSIZED_FRAME, 2);
        }
    }

    @Test
    void silenceAndASlowDripAreClosedAtTheIceTimeout() throws Exception {
        start(4, 500, 64 * 1024);
        try (Socket silent = connect(); Socket drip = connect()) {
            byte[] check = FrameReaderTest.frame(FrameReaderTest.packet(100, AUTHENTIC));
            for (int i = 0; i < 5; i++) {
                drip.getOutputStream().write(check[i]);
                Thread.sleep(150);
            }
            assertClosedByServer(silent);
            assertClosedByServer(drip);
        }
        awaitRefused(TcpRefusal.AUTH_TIMEOUT, 2);
        assertEquals(0, port.refusals().get(TcpRefusal.BAD_FIRST_PACKET));
    }

    @Test
    void connectionsPastTheUnauthenticatedLimitAreClosedAtOnceAndAnAuthenticatedOneFreesItsPlace()
            throws Exception {
        start(2, 10_000, 64 * 1024);
        try (Socket first = connect(); Socket second = connect(); Socket third = connect()) {
            assertClosedByServer(third);
            awaitRefused(TcpRefusal.OVER_LIMIT, 1);

            first.getOutputStream().write(FrameReaderTest.frame(new byte[] {AUTHENTIC}));
            first.getOutputStream().write(FrameReaderTest.frame(new byte[] {2, 2}));
            assertArrayEquals(new byte[] {2, 2}, readFrame(new DataInputStream(first.getInputStream())));
            try (Socket fourth = connect()) {
                fourth.getOutputStream().write(FrameReaderTest.frame(new byte[] {AUTHENTIC}));
                fourth.getOutputStream().write(FrameReaderTest.frame(new byte[] {4}));
                assertArrayEquals(new byte[] {4}, readFrame(new DataInputStream(fourth.getInputStream())),
                        "admitted: the first no longer counts as unauthenticated");
            }
            assertEquals(1, port.refusals().get(TcpRefusal.OVER_LIMIT));
        }
    }

    @Test
    void aClientThatDoesNotReadIsClosedOnceItsSendBufferIsFull() throws Exception {
        start(4, 10_000, 8 * 1024);
        try (Socket client = connect()) {
            OutputStream out = client.getOutputStream();
            out.write(FrameReaderTest.frame(new byte[] {AUTHENTIC}));
            // Media for the client, which reads none of it: the kernel's buffers fill, then the connection's own.
            out.write(FrameReaderTest.frame(new byte[] {FLOOD}));
            awaitRefused(TcpRefusal.SLOW_READER, 1);
            Poll.until(TIMEOUT, () -> "the engine told of the close", () -> closed.isEmpty() ? null : Boolean.TRUE);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port.localPort());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        byte[] packet = new byte[in.readUnsignedShort()];
        in.readFully(packet);
        return packet;
    }

    /** The server closed its side: the client reads end of stream (or a reset), not a timeout. */
    private static void assertClosedByServer(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        try {
            assertEquals(-1, in.read());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open", e);
        } catch (IOException reset) {
            // A reset is a close too (the server had unread bytes of ours).
        }
    }

    private void awaitRefused(TcpRefusal refusal, long count) {
        Poll.until(TIMEOUT, () -> refusal + " counted " + port.refusals().get(refusal) + " times",
                () -> port.refusals().get(refusal) >= count ? Boolean.TRUE : null);
        assertEquals(count, port.refusals().get(refusal));
    }

    private void assertNothingRefused() {
        for (TcpRefusal refusal : TcpRefusal.values()) {
            assertEquals(0, port.refusals().get(refusal), refusal.toString());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
