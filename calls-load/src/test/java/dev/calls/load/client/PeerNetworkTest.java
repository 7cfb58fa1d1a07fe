package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.calls.media.AdvertisedAddress;

/**
 * Participants' endpoints on real sockets of this machine, in both forms: addresses of their own on shared sockets
 * (where the JNI library is there) and sockets of their own. A plain JDK socket plays the server.
 */
class PeerNetworkTest {

    @ParameterizedTest(name = "shared sockets: {0}")
    @ValueSource(booleans = {true, false})
    void eachParticipantSendsFromItsOwnAddressAndGetsOnlyWhatTheServerSendsThere(boolean shared) throws Exception {
        assumeTrue(!shared || SharedLoopbackSocket.available(), "libloadudp is built on Linux x86_64 only");
        try (PeerNetwork network = new PeerNetwork(2, 1 << 16, shared ? SharedAddresses.LOOPBACK : null, 0);
                DatagramChannel server = socket();
                DatagramChannel stranger = socket()) {
            InetSocketAddress serverAddress = (InetSocketAddress) server.getLocalAddress();
            Inbox alice = new Inbox();
            Inbox bob = new Inbox();
            UdpEndpoint aliceEndpoint = network.open(serverAddress, alice);
            UdpEndpoint bobEndpoint = network.open(serverAddress, bob);

            aliceEndpoint.send(bytes("from alice"), 0, 10);
            bobEndpoint.send(bytes("from bob"), 0, 8);
            InetSocketAddress aliceSeen = received(server, "from alice");
            InetSocketAddress bobSeen = received(server, "from bob");
            assertEquals(aliceEndpoint.localAddress(), aliceSeen);
            assertEquals(bobEndpoint.localAddress(), bobSeen);
            assertNotEquals(aliceSeen, bobSeen);

            stranger.send(ByteBuffer.wrap(bytes("not the server")), aliceSeen);
            server.send(ByteBuffer.wrap(bytes("for bob")), bobSeen);
            server.send(ByteBuffer.wrap(bytes("for alice")), aliceSeen);
            assertEquals("for alice", alice.next());
            assertEquals("for bob", bob.next());

            aliceEndpoint.close();
            assertNull(aliceEndpoint.localAddress());
            server.send(ByteBuffer.wrap(bytes("after close")), aliceSeen);
            server.send(ByteBuffer.wrap(bytes("still open")), bobSeen);
            assertEquals("still open", bob.next());
            assertNull(alice.queue.poll(200, TimeUnit.MILLISECONDS), "nothing reaches a closed endpoint");
            assertEquals(0, aliceEndpoint.sendFailures() + bobEndpoint.sendFailures());
            assertEquals((shared
                    ? "2 participants with addresses of their own in 127.64.0.0/10 on 2 shared sockets, "
                            + "0 with sockets of their own"
                    : "0 participants with addresses of their own on 0 shared sockets, 2 with sockets of their own")
                    + "; network threads ordinary",
                    network.describe());
        }
    }

    /** A server on an interface's address, as a deployed server advertises it, is reached from shared sockets too. */
    @Test
    void aServerOnAnAddressOfThisMachinesInterfacesGetsSharedSocketParticipants() throws Exception {
        assumeTrue(SharedLoopbackSocket.available(), "libloadudp is built on Linux x86_64 only");
        InetAddress own = InetAddress.getByName(AdvertisedAddress.choose("", "0.0.0.0").address());
        assumeFalse(own.isLoopbackAddress(), "this machine has an IPv4 address besides loopback");
        try (PeerNetwork network = new PeerNetwork(1, 1 << 16, SharedAddresses.LOOPBACK, 0);
                DatagramChannel server = DatagramChannel.open(StandardProtocolFamily.INET)
                        .bind(new InetSocketAddress(own, 0))) {
            Inbox alice = new Inbox();
            UdpEndpoint endpoint = network.open((InetSocketAddress) server.getLocalAddress(), alice);
            endpoint.send(bytes("from alice"), 0, 10);
            InetSocketAddress seen = received(server, "from alice");
            assertEquals(endpoint.localAddress(), seen);
            server.send(ByteBuffer.wrap(bytes("for alice")), seen);
            assertEquals("for alice", alice.next());
            assertEquals("1 participants with addresses of their own in 127.64.0.0/10 on 1 shared sockets, "
                    + "0 with sockets of their own; "
                    + "network threads ordinary", network.describe());
        }
    }

    /**
     * Participants in the clients' network namespace send from 198.18.0.0/16 to a server on this host's end of
     * the link, and its answers come back through the namespace's NAPI thread to the participant they are for.
     */
    @Test
    void participantsInTheClientNamespaceReachAServerOnThisHost() throws Exception {
        try (ClientNamespaceFixture namespace = ClientNamespaceFixture.upOrSkip();
                PeerNetwork network = new PeerNetwork(1, 1 << 16,
                        SharedAddresses.inNamespace(ClientNamespaceFixture.NAME), 0);
                DatagramChannel server = DatagramChannel.open(StandardProtocolFamily.INET)
                        .bind(new InetSocketAddress("198.19.0.1", 0))) {
            Inbox alice = new Inbox();
            Inbox bob = new Inbox();
            UdpEndpoint aliceEndpoint = network.open((InetSocketAddress) server.getLocalAddress(), alice);
            UdpEndpoint bobEndpoint = network.open((InetSocketAddress) server.getLocalAddress(), bob);
            aliceEndpoint.send(bytes("from alice"), 0, 10);
            bobEndpoint.send(bytes("from bob"), 0, 8);
            InetSocketAddress aliceSeen = received(server, "from alice");
            InetSocketAddress bobSeen = received(server, "from bob");
            assertEquals(new InetSocketAddress("198.18.0.1", aliceSeen.getPort()), aliceSeen);
            assertEquals(new InetSocketAddress("198.18.0.2", bobSeen.getPort()), bobSeen);
            assertEquals(aliceEndpoint.localAddress(), aliceSeen);

            server.send(ByteBuffer.wrap(bytes("for bob")), bobSeen);
            server.send(ByteBuffer.wrap(bytes("for alice")), aliceSeen);
            assertEquals("for alice", alice.next());
            assertEquals("for bob", bob.next());
            assertEquals("2 participants with addresses of their own in 198.18.0.0/16 of network namespace "
                    + ClientNamespaceFixture.NAME + " on 1 shared sockets, 0 with sockets of their own; "
                    + "network threads ordinary", network.describe());
        }
    }

    /** A namespace that is not there is refused with what makes it, before any thread starts. */
    @Test
    void aMissingNamespaceIsRefusedWithTheScriptThatMakesIt() {
        assumeTrue(SharedLoopbackSocket.available(), "libloadudp is built on Linux x86_64 only");
        IOException refused = assertThrows(IOException.class,
                () -> new PeerNetwork(1, 1 << 16, SharedAddresses.inNamespace("calls-no-such-namespace"), 0));
        assertEquals("there is no network namespace calls-no-such-namespace: make it first, as root, with "
                + "calls-load/src/main/sh/client-namespace.sh up calls-no-such-namespace", refused.getMessage());
    }

    /**
     * Shared sockets hand each datagram over with the time it arrived there, and keep how long it waited to be
     * read; sockets of their own hand over the time of the read and keep no wait.
     */
    @ParameterizedTest(name = "shared sockets: {0}")
    @ValueSource(booleans = {true, false})
    void datagramsComeWithTheirReceiveTimeAndSharedSocketsKeepTheirWaitToBeRead(boolean shared) throws Exception {
        assumeTrue(!shared || SharedLoopbackSocket.available(), "libloadudp is built on Linux x86_64 only");
        try (PeerNetwork network = new PeerNetwork(1, 1 << 16, shared ? SharedAddresses.LOOPBACK : null, 0);
                DatagramChannel server = socket()) {
            Inbox alice = new Inbox();
            UdpEndpoint endpoint = network.open((InetSocketAddress) server.getLocalAddress(), alice);
            endpoint.send(bytes("hello"), 0, 5);
            InetSocketAddress seen = received(server, "hello");
            network.readDelaySinceLastCall();

            long beforeSend = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                server.send(ByteBuffer.wrap(bytes("packet " + i)), seen);
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("packet " + i, alice.next());
                long handed = alice.times.take();
                assertTrue(handed >= beforeSend && handed <= System.nanoTime(), "receive time within the test");
            }
            Histogram waits = network.readDelaySinceLastCall();
            assertEquals(shared ? 3 : 0, waits.getTotalCount());
            assertTrue(waits.getMaxValue() < TimeUnit.SECONDS.toNanos(5));
            assertEquals(0, network.readDelaySinceLastCall().getTotalCount());
        }
    }

    private static InetSocketAddress received(DatagramChannel server, String expected) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(2048);
        InetSocketAddress from = (InetSocketAddress) server.receive(in);
        in.flip();
        assertEquals(expected, StandardCharsets.US_ASCII.decode(in).toString());
        return from;
    }

    private static DatagramChannel socket() throws IOException {
        return DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** What a participant was handed, in order. */
    private static final class Inbox implements DatagramReceiver {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        final BlockingQueue<Long> times = new LinkedBlockingQueue<>();

        @Override
        public void onDatagram(byte[] buf, int off, int len, long receivedNanos) {
            times.add(receivedNanos);
            queue.add(new String(buf, off, len, StandardCharsets.US_ASCII));
        }

        String next() throws InterruptedException {
            String next = queue.poll(5, TimeUnit.SECONDS);
            assertNotNull(next, "a datagram within 5 s");
            return next;
        }
    }
}
