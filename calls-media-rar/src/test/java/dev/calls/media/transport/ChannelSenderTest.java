package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batches through a {@link ChannelSender} over real sockets on loopback, with each way of sending a batch:
 * what arrives, in which order, what is counted, and what a closed socket does.
 */
class ChannelSenderTest {

    private static final InetAddress LOOPBACK_V4 = InetAddress.getLoopbackAddress();
    private static final int SLOT = 1600;

    /** The two ways a batch goes out; the native one only where the library is loaded. */
    enum Strategy {
        SENDMMSG(channel -> {
            assumeTrue(NativeUdp.available(), "libcallsudp is not loaded here");
            return new Sendmmsg(channel);
        }),
        PER_DATAGRAM(BatchSend::perDatagram);

        final Function<DatagramChannel, BatchSend> on;

        Strategy(Function<DatagramChannel, BatchSend> on) {
            this.on = on;
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void datagramsOfEverySizeArriveIntactAndInOrderAtEachOfSeveralDestinations(Strategy strategy) throws Exception {
        try (DatagramChannel channel = bound(DatagramChannel.open(), LOOPBACK_V4)) {
            assertBatchArrives(channel, strategy, LOOPBACK_V4, 3, 40);
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aBatchLargerThanOneSystemCallTakesArrivesWhole(Strategy strategy) throws Exception {
        try (DatagramChannel channel = bound(DatagramChannel.open(), LOOPBACK_V4)) {
            assertBatchArrives(channel, strategy, LOOPBACK_V4, 2, 200);
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void anIpv4OnlySocketSendsToIpv4Destinations(Strategy strategy) throws Exception {
        try (DatagramChannel channel = bound(DatagramChannel.open(StandardProtocolFamily.INET), LOOPBACK_V4)) {
            assertBatchArrives(channel, strategy, LOOPBACK_V4, 2, 10);
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void ipv6DestinationsWhereTheMachineHasTheIpv6Loopback(Strategy strategy) throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            try {
                channel.bind(new InetSocketAddress(v6, 0));
            } catch (IOException | UnsupportedOperationException e) {
                assumeTrue(false, "no ::1 here: " + e);
            }
            assertBatchArrives(channel, strategy, v6, 3, 20);
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aRefusedDatagramIsCountedAndTheRestStillGo(Strategy strategy) throws Exception {
        try (DatagramChannel channel = bound(DatagramChannel.open(), LOOPBACK_V4);
                DatagramSocket receiver = receiver(LOOPBACK_V4)) {
            TrafficCounters traffic = new TrafficCounters();
            ChannelSender sender = new ChannelSender(channel, strategy.on.apply(channel), traffic);
            Destination good = new Destination((InetSocketAddress) receiver.getLocalSocketAddress());
            // Port 0 is no destination: the kernel refuses it with EINVAL (udp(7)), the JDK before sending.
            Destination portZero = new Destination(new InetSocketAddress(LOOPBACK_V4, 0));
            DatagramBatch batch = new DatagramBatch(8, SLOT);
            batch.add(datagram(1, 100), 0, 100, good);
            batch.add(datagram(2, 50), 0, 50, portZero);
            batch.add(datagram(3, 70), 0, 70, good);

            sender.send(batch);

            assertTrue(batch.sent(0));
            assertFalse(batch.sent(1));
            assertTrue(batch.sent(2));
            assertEquals(2, traffic.packetsOut());
            assertEquals(170, traffic.bytesOut());
            assertEquals(1, traffic.refusedSends());
            assertArrayEquals(datagram(1, 100), receive(receiver));
            assertArrayEquals(datagram(3, 70), receive(receiver));
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aClosedSocketRefusesTheWholeBatch(Strategy strategy) throws Exception {
        try (DatagramSocket receiver = receiver(LOOPBACK_V4)) {
            DatagramChannel channel = bound(DatagramChannel.open(), LOOPBACK_V4);
            TrafficCounters traffic = new TrafficCounters();
            ChannelSender sender = new ChannelSender(channel, strategy.on.apply(channel), traffic);
            Destination to = new Destination((InetSocketAddress) receiver.getLocalSocketAddress());
            DatagramBatch batch = new DatagramBatch(4, SLOT);
            for (int i = 0; i < 4; i++) {
                batch.add(datagram(i, 20), 0, 20, to);
            }

            sender.close();
            assertFalse(channel.isOpen());
            sender.send(batch);

            for (int i = 0; i < 4; i++) {
                assertFalse(batch.sent(i));
            }
            assertEquals(0, traffic.packetsOut());
            assertEquals(4, traffic.refusedSends());
            assertFalse(sender.send(datagram(9, 10), 0, 10, to.address()), "single sends are refused too");
        }
    }

    @Test
    void theLibraryIsBuiltAndLoadedOnLinuxX8664() {
        String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && ("amd64".equals(arch) || "x86_64".equals(arch)));
        assumeTrue(Boolean.parseBoolean(System.getProperty(NativeUdp.PROPERTY, "true")));
        assertTrue(NativeUdp.available(), "libcallsudp.so is in the classes and loads");
    }

    /**
     * Sends {@code count} datagrams of sizes from 1 byte to {@link #SLOT}, round robin to {@code receivers}
     * sockets on {@code address}, as one batch; each receiver gets its own, whole and in order, and the
     * counters count every one.
     */
    private static void assertBatchArrives(DatagramChannel channel, Strategy strategy, InetAddress address,
            int receivers, int count) throws Exception {
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            List<Destination> destinations = new ArrayList<>();
            for (int r = 0; r < receivers; r++) {
                DatagramSocket socket = receiver(address);
                sockets.add(socket);
                destinations.add(new Destination((InetSocketAddress) socket.getLocalSocketAddress()));
            }
            TrafficCounters traffic = new TrafficCounters();
            ChannelSender sender = new ChannelSender(channel, strategy.on.apply(channel), traffic);
            DatagramBatch batch = new DatagramBatch(count, SLOT);
            List<List<byte[]>> expected = new ArrayList<>();
            for (int r = 0; r < receivers; r++) {
                expected.add(new ArrayList<>());
            }
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                int size = 1 + (i * 397) % SLOT;
                byte[] datagram = datagram(i, size);
                batch.add(datagram, 0, size, destinations.get(i % receivers));
                expected.get(i % receivers).add(datagram);
                bytes += size;
            }

            sender.send(batch);

            for (int i = 0; i < count; i++) {
                assertTrue(batch.sent(i), "datagram " + i + " sent");
            }
            assertEquals(count, traffic.packetsOut());
            assertEquals(bytes, traffic.bytesOut());
            assertEquals(0, traffic.refusedSends());
            for (int r = 0; r < receivers; r++) {
                for (byte[] datagram : expected.get(r)) {
                    assertArrayEquals(datagram, receive(sockets.get(r)), "receiver " + r + " in order");
                }
            }
        } finally {
            for (DatagramSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static DatagramChannel bound(DatagramChannel channel, InetAddress address) throws IOException {
        channel.bind(new InetSocketAddress(address, 0));
        return channel;
    }

    private static DatagramSocket receiver(InetAddress address) throws SocketException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0));
        socket.setReceiveBufferSize(1 << 20);
        socket.setSoTimeout(5000);
        return socket;
    }

    private static byte[] receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[SLOT + 1], SLOT + 1);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    /** Bytes that tell datagrams apart: the number first, then a pattern. */
    private static byte[] datagram(int number, int size) {
        byte[] datagram = new byte[size];
        for (int i = 0; i < size; i++) {
            datagram[i] = (byte) (i == 0 ? number : number * 31 + i);
        }
        return datagram;
    }
}
