package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real sockets on the loopback interface: a plain JDK socket plays the server. */
class SharedLoopbackSocketTest {

    private static final int SLOT = 2048;
    private static final int FIRST = address("127.64.0.1");
    private static final int SECOND = address("127.64.0.2");

    private final ByteBuffer slab = ByteBuffer.allocateDirect(64 * SLOT);
    private final int[] meta = new int[64 * SharedLoopbackSocket.META];
    private final long[] arrivals = new long[64];

    @BeforeEach
    void needsTheLibrary() {
        assumeTrue(SharedLoopbackSocket.available(), "libloadudp is built on Linux x86_64 only");
    }

    @Test
    void addressesAreTheIntsTheLibraryTakes() {
        assertEquals(0x7F400001, FIRST);
        assertArrayEquals(new byte[] {127, 64, 0, 2}, new byte[] {(byte) (SECOND >>> 24), (byte) (SECOND >>> 16),
                (byte) (SECOND >>> 8), (byte) SECOND});
    }

    @Test
    void eachDatagramLeavesFromTheAddressItWasGivenAndRepliesComeBackToThatAddress() throws IOException {
        try (SharedLoopbackSocket shared = SharedLoopbackSocket.open(1 << 20); DatagramChannel server = server()) {
            InetSocketAddress at = (InetSocketAddress) server.getLocalAddress();
            int serverAddress = address("127.0.0.1");

            assertTrue(shared.send(bytes("first"), 0, 5, FIRST, serverAddress, at.getPort()));
            assertTrue(shared.send(bytes("xsecondx"), 1, 6, SECOND, serverAddress, at.getPort()));
            ByteBuffer in = ByteBuffer.allocate(SLOT);
            InetSocketAddress fromFirst = (InetSocketAddress) server.receive(in);
            assertEquals("first", text(in));
            in.clear();
            InetSocketAddress fromSecond = (InetSocketAddress) server.receive(in);
            assertEquals("second", text(in));

            assertEquals(new InetSocketAddress("127.64.0.1", shared.port()), fromFirst);
            assertEquals(new InetSocketAddress("127.64.0.2", shared.port()), fromSecond);

            server.send(ByteBuffer.wrap(bytes("to second")), fromSecond);
            server.send(ByteBuffer.wrap(bytes("to first")), fromFirst);
            int count = receiveQueued(shared);
            assertEquals(2, count);
            assertDatagram(0, "to second", SECOND, serverAddress, at.getPort());
            assertDatagram(1, "to first", FIRST, serverAddress, at.getPort());
        }
    }

    @Test
    void aBacklogIsReadSixtyFourAtATimeInOrder() throws IOException {
        try (SharedLoopbackSocket shared = SharedLoopbackSocket.open(1 << 20); DatagramChannel server = server()) {
            InetSocketAddress to = new InetSocketAddress("127.64.0.1", shared.port());
            for (int i = 0; i < 100; i++) {
                server.send(ByteBuffer.wrap(bytes("packet " + i)), to);
            }

            int first = receiveQueued(shared);
            assertEquals(64, first);
            assertEquals("packet 63", payload(63));
            int rest = receiveQueued(shared);
            assertEquals(36, rest);
            assertEquals("packet 64", payload(0));
            assertEquals("packet 99", payload(35));
            assertEquals(0, shared.receive(slab, SLOT, meta, arrivals));
        }
    }

    /** The stamp is the kernel's, so a datagram that waited in the socket shows the wait. */
    @Test
    void eachDatagramCarriesWhenItArrivedInTheSocketNotWhenItWasRead() throws Exception {
        try (SharedLoopbackSocket shared = SharedLoopbackSocket.open(1 << 20); DatagramChannel server = server()) {
            InetSocketAddress to = new InetSocketAddress("127.64.0.1", shared.port());
            long beforeSend = System.nanoTime();
            server.send(ByteBuffer.wrap(bytes("early")), to);
            long afterSend = System.nanoTime();
            Thread.sleep(200);
            server.send(ByteBuffer.wrap(bytes("late")), to);

            assertEquals(2, receiveQueued(shared));
            long read = System.nanoTime();
            assertEquals("early", payload(0));
            // The realtime-to-monotonic conversion is off by the time between its two clock reads: microseconds,
            // or the length of a preemption on a busy machine (a full build beside it has shown more than 1 ms).
            long slack = TimeUnit.MILLISECONDS.toNanos(50);
            assertTrue(arrivals[0] >= beforeSend - slack && arrivals[0] <= afterSend + slack,
                    "arrived " + (arrivals[0] - beforeSend) + " ns after the send began");
            assertTrue(read - arrivals[0] >= TimeUnit.MILLISECONDS.toNanos(200),
                    "waited " + (read - arrivals[0]) + " ns to be read");
            assertTrue(arrivals[1] - arrivals[0] >= TimeUnit.MILLISECONDS.toNanos(200));
            assertTrue(arrivals[1] <= read + slack);
        }
    }

    @Test
    void aClosedSocketNeitherSendsNorReceives() throws IOException {
        SharedLoopbackSocket shared = SharedLoopbackSocket.open(1 << 20);
        shared.close();
        shared.close();

        assertFalse(shared.send(bytes("late"), 0, 4, FIRST, address("127.0.0.1"), 9));
        assertEquals(0, shared.receive(slab, SLOT, meta, arrivals));
    }

    @Test
    void aDatagramLargerThanTheLibraryTakesIsRefused() throws IOException {
        try (SharedLoopbackSocket shared = SharedLoopbackSocket.open(1 << 20); DatagramChannel server = server()) {
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            assertFalse(shared.send(new byte[4096], 0, 4096, FIRST, address("127.0.0.1"), port));
        }
    }

    /** Loopback queues a datagram before the sender's send returns, so one read finds all that was sent. */
    private int receiveQueued(SharedLoopbackSocket shared) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int count;
        while ((count = shared.receive(slab, SLOT, meta, arrivals)) == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return count;
    }

    private void assertDatagram(int i, String text, int destination, int source, int sourcePort) {
        assertEquals(text, payload(i));
        assertEquals(destination, meta[i * SharedLoopbackSocket.META + 1]);
        assertEquals(source, meta[i * SharedLoopbackSocket.META + 2]);
        assertEquals(sourcePort, meta[i * SharedLoopbackSocket.META + 3]);
    }

    private String payload(int i) {
        byte[] data = new byte[meta[i * SharedLoopbackSocket.META]];
        slab.get(i * SLOT, data);
        return new String(data, StandardCharsets.US_ASCII);
    }

    private static DatagramChannel server() throws IOException {
        return DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
    }

    private static String text(ByteBuffer in) {
        in.flip();
        return new String(Arrays.copyOfRange(in.array(), 0, in.limit()), StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int address(String dotted) {
        try {
            return SharedSocketEndpoint.ipv4(InetAddress.getByName(dotted));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
