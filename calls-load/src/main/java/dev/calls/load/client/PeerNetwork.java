package dev.calls.load.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import dev.calls.media.transport.ThreadRealtime;

import org.HdrHistogram.Histogram;
import org.jboss.logging.Logger;

/**
 * The sockets of every simulated participant, served by a few network threads; participants are dealt to
 * them round-robin, and no participant has a thread of its own. The server tells sessions apart by address,
 * so each participant has one of its own, in one of two ways:
 * <ul>
 * <li>When the server is on an IPv4 address these addresses reach and the JNI library is there: an address of
 * its own ({@link SharedAddresses}: on loopback, or in the clients' network namespace) on its network thread's
 * {@link SharedLoopbackSocket}, which reads the datagrams of all its participants in batches and hands each to
 * its participant by destination address. This keeps the simulated clients' own receive work (in the kernel
 * too) off the cores the server uses.</li>
 * <li>Otherwise: a connected {@link DatagramChannel} of its own, registered with its thread's selector.</li>
 * </ul>
 *
 * <p>A selector thread reads one datagram per ready channel per round. A participant's socket gets one
 * datagram per fan-out of each source, so reading on until the socket is empty would mostly end in a read
 * that finds nothing: a system call per datagram that only says so. The selector is level-triggered, so a
 * channel with more queued (a backlog, a video frame's burst) is ready again next round.
 *
 * <p>A network thread polls (a non-blocking select, then a {@value #POLL_NANOS} ns pause when nothing is
 * ready) rather than sleeping in the selector. Asleep, it would be woken by each datagram, and on loopback
 * the kernel does that wake-up, and may switch to the woken thread, inside the server's {@code sendto}: the
 * tool's receive work would be counted as the server's CPU and delay its next send.
 *
 * <p>When a datagram was received: on a shared socket, when the kernel queued it there
 * ({@code SO_TIMESTAMPNS}), so that neither the pause nor the network thread waiting for a core, which the
 * server's forwarding threads and the tool share, counts as forwarding latency; how long datagrams waited to
 * be read is kept apart ({@link #readDelaySinceLastCall()}). On a socket of its own, when the thread read it:
 * there the pause and the wait are in the latency measured.
 */
public final class PeerNetwork implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeerNetwork.class);
    /** Larger than any datagram the engine sends. */
    private static final int MAX_DATAGRAM = 2048;
    private static final long POLL_NANOS = 200_000;
    /** Datagrams per batch read of a shared socket. */
    private static final int BATCH = 64;
    /** A shared socket takes a whole call's fan-out at once; the kernel caps this at net.core.rmem_max unless root. */
    private static final int SHARED_RECEIVE_BUFFER = 32 << 20;

    private final List<Loop> loops = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final int receiveBufferBytes;
    /** The shared sockets' participant addresses, or null where every participant has a socket of its own. */
    private final SharedAddresses addresses;
    /**
     * Shared-socket participants by address - {@code addresses.first()} (null once closed), so its length is how
     * many were opened; replaced, grown, under {@code this}, read by the loops.
     */
    private volatile SharedSocketEndpoint[] aliases = new SharedSocketEndpoint[0];
    private final AtomicInteger channels = new AtomicInteger();
    private final AtomicInteger tcpConnections = new AtomicInteger();
    private final NanosRecorder readDelays = new NanosRecorder();

    /**
     * @param threads            network threads, named {@code load-net-N}
     * @param receiveBufferBytes SO_RCVBUF asked for each participant's own socket (the kernel caps it at
     *                           net.core.rmem_max)
     * @param shared             the addresses of participants that share their thread's socket, where the JNI
     *                           library is there, or null for a socket each
     * @param realtimePriority   the SCHED_RR priority the network threads ask for, 0 for none: clients on a
     *                           machine of their own would read what the server sends as it arrives, and on
     *                           the server's machine they should not wait behind its real-time media threads
     */
    public PeerNetwork(int threads, int receiveBufferBytes, SharedAddresses shared, int realtimePriority)
            throws IOException, InterruptedException {
        this.receiveBufferBytes = receiveBufferBytes;
        if (shared != null && shared.namespace() != null) {
            if (!SharedLoopbackSocket.available()) {
                throw new IOException(
                        "participants in a network namespace need the JNI library loadudp (Linux x86_64)");
            }
            shared.checkExists();
        }
        this.addresses = shared != null && SharedLoopbackSocket.available() ? shared : null;
        CountDownLatch scheduled = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            Loop loop = new Loop(Selector.open(), addresses == null ? null
                    : SharedLoopbackSocket.open(SHARED_RECEIVE_BUFFER, addresses.namespace()));
            Thread thread = new Thread(() -> ThreadRealtime.runAt(realtimePriority, () -> {
                loop.realtimePriority = ThreadRealtime.ofCurrentThread();
                scheduled.countDown();
                loop.run();
            }), "load-net-" + i);
            thread.setDaemon(true);
            loop.thread = thread;
            loops.add(loop);
            thread.start();
        }
        // The report names the scheduling each thread got, which only the thread itself can read.
        scheduled.await();
    }

    /**
     * A new endpoint that sends to {@code server} and hands what comes back to {@code receiver}: an address of
     * its own on a shared socket, or else a socket of its own on an ephemeral port of the local address that
     * reaches {@code server}.
     */
    public UdpEndpoint open(InetSocketAddress server, DatagramReceiver receiver) throws IOException {
        Loop loop = loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
        if (loop.shared != null && addresses.reach(server.getAddress())) {
            return openShared(loop.shared, server, receiver);
        }
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            channel.bind(new InetSocketAddress(server.getAddress().isLoopbackAddress() ? server.getAddress() : null, 0));
            channel.connect(server);
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        ChannelEndpoint endpoint = new ChannelEndpoint(channel, receiver);
        channels.incrementAndGet();
        loop.pending.add(endpoint);
        loop.selector.wakeup();
        return endpoint;
    }

    /**
     * A new ICE-TCP connection to {@code server}'s passive candidate (RFC 6544), read by a thread of its own
     * rather than a network thread: a test of the server's TCP path, not of the tool's scale.
     */
    public UdpEndpoint openTcp(InetSocketAddress server, DatagramReceiver receiver) throws IOException {
        TcpEndpoint endpoint = TcpEndpoint.connect(server, receiver);
        tcpConnections.incrementAndGet();
        return endpoint;
    }

    private synchronized UdpEndpoint openShared(SharedLoopbackSocket socket, InetSocketAddress server,
            DatagramReceiver receiver) throws IOException {
        int index = aliases.length;
        if (index == addresses.count()) {
            throw new IOException("all " + addresses.count() + " addresses for participants " + addresses.describe()
                    + " are used");
        }
        SharedSocketEndpoint endpoint = new SharedSocketEndpoint(socket, addresses.first() + index, server, receiver,
                () -> forget(index));
        SharedSocketEndpoint[] grown = Arrays.copyOf(aliases, index + 1);
        grown[index] = endpoint;
        aliases = grown;
        return endpoint;
    }

    private synchronized void forget(int index) {
        SharedSocketEndpoint[] copy = aliases.clone();
        copy[index] = null;
        aliases = copy;
    }

    /** The participant at shared-socket address {@code address}, or null. */
    private SharedSocketEndpoint alias(int address) {
        SharedSocketEndpoint[] current = aliases;
        int index = address - addresses.first();
        return index >= 0 && index < current.length ? current[index] : null;
    }

    /** How the participants' sockets were opened, for the report. */
    public String describe() {
        int shared = aliases.length;
        String priorities = loops.stream().map(loop -> loop.realtimePriority == 0 ? "ordinary"
                : loop.realtimePriority > 0 ? "SCHED_RR " + loop.realtimePriority : "of unknown scheduling").distinct()
                .collect(Collectors.joining(", "));
        String where = addresses == null ? "" : " " + addresses.describe();
        return shared + " participants with addresses of their own" + where + " on " + (shared == 0 ? 0 : loops.size())
                + " shared sockets, " + channels.get() + " with sockets of their own"
                + (tcpConnections.get() == 0 ? "" : ", " + tcpConnections.get() + " over ICE-TCP")
                + "; network threads " + priorities;
    }

    /**
     * How long the datagrams read from shared sockets since the previous call (the first call: since the
     * start) waited there, from arrival to read, in nanoseconds: the tool's own delay, left out of the latency
     * it measures. Empty where every participant has a socket of its own.
     */
    public Histogram readDelaySinceLastCall() {
        return readDelays.sinceLastCall();
    }

    /** The network threads, whose CPU time is the tool's receive cost. */
    public List<Thread> threads() {
        return loops.stream().map(loop -> loop.thread).toList();
    }

    @Override
    public void close() {
        for (Loop loop : loops) {
            loop.running = false;
            loop.selector.wakeup();
        }
        for (Loop loop : loops) {
            try {
                loop.thread.join(2000);
                loop.selector.close();
                if (loop.shared != null) {
                    loop.shared.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.debugf("closing a selector failed: %s", e.getMessage());
            }
        }
    }

    private final class Loop implements Runnable {

        final Selector selector;
        /** This thread's shared socket, or null when every participant has a socket of its own. */
        final SharedLoopbackSocket shared;
        final Queue<ChannelEndpoint> pending = new ConcurrentLinkedQueue<>();
        private final ByteBuffer direct = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        private final ByteBuffer slab;
        private final int[] meta = new int[BATCH * SharedLoopbackSocket.META];
        private final long[] arrivals = new long[BATCH];
        private final byte[] buf = new byte[MAX_DATAGRAM];
        volatile boolean running = true;
        /** The SCHED_RR priority this loop's thread got, 0 for an ordinary thread, {@link Integer#MIN_VALUE} for unknown. */
        volatile int realtimePriority;
        Thread thread;

        Loop(Selector selector, SharedLoopbackSocket shared) {
            this.selector = selector;
            this.shared = shared;
            this.slab = shared == null ? null : ByteBuffer.allocateDirect(BATCH * MAX_DATAGRAM);
        }

        @Override
        public void run() {
            try {
                while (running) {
                    // The consumer form hands each ready key straight to read(), without the selected-key
                    // set's add and remove per datagram that the classic form costs.
                    int ready = selector.selectNow(this::read);
                    if (shared != null) {
                        ready += readShared();
                    }
                    if (ready == 0) {
                        LockSupport.parkNanos(POLL_NANOS);
                    }
                    register();
                }
            } catch (IOException | ClosedSelectorException e) {
                if (running) {
                    LOG.errorf(e, "network thread %s stopped", Thread.currentThread().getName());
                }
            }
        }

        private void register() {
            ChannelEndpoint endpoint;
            while ((endpoint = pending.poll()) != null) {
                try {
                    endpoint.channel().register(selector, SelectionKey.OP_READ, endpoint);
                } catch (IOException e) {
                    LOG.debugf("socket closed before it was registered: %s", e.getMessage());
                }
            }
        }

        /**
         * Reads the shared socket in batches until it is empty, handing each datagram, with the time it
         * arrived, to the participant it was sent to; returns how many were read.
         */
        private int readShared() throws IOException {
            int total = 0;
            int count;
            do {
                count = shared.receive(slab, MAX_DATAGRAM, meta, arrivals);
                long now = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    readDelays.record(now - arrivals[i]);
                    int at = i * SharedLoopbackSocket.META;
                    SharedSocketEndpoint endpoint = alias(meta[at + 1]);
                    if (endpoint != null && endpoint.fromServer(meta[at + 2], meta[at + 3])) {
                        int length = Math.min(meta[at], MAX_DATAGRAM);
                        slab.get(i * MAX_DATAGRAM, buf, 0, length);
                        endpoint.receiver.onDatagram(buf, 0, length, arrivals[i]);
                    }
                }
                total += count;
            } while (count == BATCH);
            return total;
        }

        private void read(SelectionKey key) {
            ChannelEndpoint endpoint = (ChannelEndpoint) key.attachment();
            DatagramChannel channel = (DatagramChannel) key.channel();
            int length;
            try {
                direct.clear();
                length = channel.read(direct);
            } catch (IOException e) {
                // ICMP port unreachable surfaces as a read error on a connected socket: the server went away.
                key.cancel();
                return;
            }
            if (length <= 0) {
                return;
            }
            direct.flip();
            direct.get(buf, 0, length);
            endpoint.receiver.onDatagram(buf, 0, length, System.nanoTime());
        }
    }
}
