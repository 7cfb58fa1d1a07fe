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
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

/**
 * The sockets of every simulated participant, served by a few network threads: each participant has its
 * own connected {@link DatagramChannel} (the server tells sessions apart by address), and each channel
 * belongs to one selector thread, dealt round-robin. No thread per participant.
 *
 * <p>A selector thread reads one datagram per ready channel per round. A participant's socket gets one
 * datagram per fan-out of each source, so reading on until the socket is empty would mostly end in a read
 * that finds nothing: a system call per datagram that only says so. The selector is level-triggered, so a
 * channel with more queued (a backlog, a video frame's burst) is ready again next round.
 *
 * <p>A network thread polls (a non-blocking select, then a {@value #POLL_NANOS} ns pause when nothing is
 * ready) rather than sleeping in the selector. Asleep, it would be woken by each datagram, and on loopback
 * the kernel does that wake-up, and may switch to the woken thread, inside the server's {@code sendto}: the
 * tool's receive work would be counted as the server's CPU and delay its next send. Polling adds at most
 * the pause to the latency measured.
 */
public final class PeerNetwork implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeerNetwork.class);
    /** Larger than any datagram the engine sends. */
    private static final int MAX_DATAGRAM = 2048;
    private static final long POLL_NANOS = 200_000;

    private final List<Loop> loops = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final int receiveBufferBytes;

    /**
     * @param threads            selector threads, named {@code load-net-N}
     * @param receiveBufferBytes SO_RCVBUF asked for each socket (the kernel caps it at net.core.rmem_max)
     */
    public PeerNetwork(int threads, int receiveBufferBytes) throws IOException {
        this.receiveBufferBytes = receiveBufferBytes;
        for (int i = 0; i < threads; i++) {
            Loop loop = new Loop(Selector.open());
            Thread thread = new Thread(loop, "load-net-" + i);
            thread.setDaemon(true);
            loop.thread = thread;
            loops.add(loop);
            thread.start();
        }
    }

    /** A new socket on an ephemeral port of the local address that reaches {@code server}. */
    public UdpEndpoint open(InetSocketAddress server, DatagramReceiver receiver) throws IOException {
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
        UdpEndpoint endpoint = new UdpEndpoint(channel, receiver);
        Loop loop = loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
        loop.pending.add(endpoint);
        loop.selector.wakeup();
        return endpoint;
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
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.debugf("closing a selector failed: %s", e.getMessage());
            }
        }
    }

    private static final class Loop implements Runnable {

        final Selector selector;
        final Queue<UdpEndpoint> pending = new ConcurrentLinkedQueue<>();
        private final ByteBuffer direct = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        private final byte[] buf = new byte[MAX_DATAGRAM];
        volatile boolean running = true;
        Thread thread;

        Loop(Selector selector) {
            this.selector = selector;
        }

        @Override
        public void run() {
            try {
                while (running) {
                    // The consumer form hands each ready key straight to read(), without the selected-key
                    // set's add and remove per datagram that the classic form costs.
                    if (selector.selectNow(this::read) == 0) {
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
            UdpEndpoint endpoint;
            while ((endpoint = pending.poll()) != null) {
                try {
                    endpoint.channel().register(selector, SelectionKey.OP_READ, endpoint);
                } catch (IOException e) {
                    LOG.debugf("socket closed before it was registered: %s", e.getMessage());
                }
            }
        }

        private void read(SelectionKey key) {
            UdpEndpoint endpoint = (UdpEndpoint) key.attachment();
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
