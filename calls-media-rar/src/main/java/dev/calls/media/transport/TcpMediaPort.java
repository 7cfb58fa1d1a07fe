package dev.calls.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * The engine's ICE-TCP port (RFC 6544): a listening TCP socket for the passive host candidates, and the one
 * selector thread that accepts, reads and finishes writes for every connection on it.
 *
 * <p>Until its first packet authenticates it for a session (an ICE check with that session's USERNAME and
 * MESSAGE-INTEGRITY, which the {@link TcpConnection.PacketHandler} verifies), a connection is unauthenticated
 * and costs little and not for long: at most {@code maxUnauthenticated} are open at once (one more is closed
 * at accept), each buffers at most one frame, and each is closed when its first frame is not that check, when
 * a frame announces more than the largest packet, or when no such check arrived within {@code authTimeoutNanos}.
 * Every such close is counted by cause ({@link TcpRefusals}).
 */
public final class TcpMediaPort implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TcpMediaPort.class);

    /** How often the unauthenticated connections' deadlines are checked when nothing else wakes the selector. */
    static final long SWEEP_MILLIS = 250;

    /** Reads one connection may take in one turn, so that a fast sender cannot starve the others. */
    private static final int READS_PER_TURN = 16;

    private final ServerSocketChannel server;
    private final Selector selector;
    private final int localPort;
    private final int maxUnauthenticated;
    private final long authTimeoutNanos;
    private final int maxPacketBytes;
    private final int sendBufferBytes;
    private final TrafficCounters traffic = new TrafficCounters();
    private final TcpRefusals refusals = new TcpRefusals();
    /** Unauthenticated connections, oldest first; selector thread only. */
    private final ArrayDeque<TcpConnection> unauthenticated = new ArrayDeque<>();
    /** Connections other threads asked to close, with their refusal; drained by the selector thread. */
    private final Queue<PendingClose> toClose = new ConcurrentLinkedQueue<>();
    /** Every open connection, so that closing the port closes them whether or not the loop still runs. */
    private final Set<TcpConnection> open = ConcurrentHashMap.newKeySet();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private TcpConnection.PacketHandler handler;

    private record PendingClose(TcpConnection connection, TcpRefusal refusal) {
    }

    private TcpMediaPort(ServerSocketChannel server, Selector selector, int maxUnauthenticated, long authTimeoutNanos,
            int maxPacketBytes, int sendBufferBytes) throws IOException {
        this.server = server;
        this.selector = selector;
        this.localPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
        this.maxUnauthenticated = maxUnauthenticated;
        this.authTimeoutNanos = authTimeoutNanos;
        this.maxPacketBytes = maxPacketBytes;
        this.sendBufferBytes = sendBufferBytes;
    }

    /**
     * Listens on {@code address} (port 0 picks a free one).
     *
     * @param maxUnauthenticated connections allowed open before their first packet authenticated them
     * @param authTimeoutNanos   how long a connection may stay unauthenticated
     * @param maxPacketBytes     the largest packet a frame may carry
     * @param sendBufferBytes    what one connection may have waiting to be sent before it is closed as a slow reader
     */
    public static TcpMediaPort bind(InetSocketAddress address, int maxUnauthenticated, long authTimeoutNanos,
            int maxPacketBytes, int sendBufferBytes) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        Selector selector = null;
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            return new TcpMediaPort(server, selector, maxUnauthenticated, authTimeoutNanos, maxPacketBytes,
                    sendBufferBytes);
        } catch (IOException | RuntimeException e) {
            server.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    public int localPort() {
        return localPort;
    }

    /** Packets and bytes through every connection of this port. */
    public TrafficCounters traffic() {
        return traffic;
    }

    /** Connections refused or closed, by cause. */
    public TcpRefusals refusals() {
        return refusals;
    }

    /**
     * The selector loop, to be run on one long-lived thread until {@link #close()}: every packet of every
     * connection goes to {@code packets} on that thread.
     */
    public Runnable loop(TcpConnection.PacketHandler packets) {
        return () -> {
            handler = packets;
            while (selector.isOpen()) {
                try {
                    selector.select(onReady, SWEEP_MILLIS);
                    closeRequested();
                    expireUnauthenticated(System.nanoTime());
                } catch (ClosedSelectorException e) {
                    return;
                } catch (IOException e) {
                    LOG.debugf("select failed on the ICE-TCP port: %s", e.getMessage());
                } catch (RuntimeException e) {
                    // A handler bug must not stop the port for every call; logged, not per packet in normal operation.
                    LOG.errorf(e, "ICE-TCP packet handling failed");
                }
            }
        };
    }

    private void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            acceptAll();
            return;
        }
        TcpConnection connection = (TcpConnection) key.attachment();
        if (key.isWritable()) {
            connection.onWritable();
        }
        if (key.isValid() && key.isReadable()) {
            read(connection);
        }
    }

    private void acceptAll() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                LOG.debugf("accept failed on the ICE-TCP port: %s", e.getMessage());
                return;
            }
            if (channel == null) {
                return;
            }
            if (unauthenticated.size() >= maxUnauthenticated) {
                refusals.count(TcpRefusal.OVER_LIMIT);
                closeQuietly(channel);
                continue;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
                TcpConnection connection = new TcpConnection(channel, remote, this, handler, maxPacketBytes,
                        sendBufferBytes, traffic, System.nanoTime());
                connection.register(channel.register(selector, SelectionKey.OP_READ, connection));
                open.add(connection);
                unauthenticated.addLast(connection);
            } catch (IOException e) {
                closeQuietly(channel);
            }
        }
    }

    private void read(TcpConnection connection) {
        FrameReader reader = connection.reader();
        for (int i = 0; i < READS_PER_TURN; i++) {
            int read;
            try {
                read = connection.channel().read(reader.buffer());
            } catch (IOException e) {
                connection.close(null);
                return;
            }
            if (read < 0) {
                connection.close(null);
                return;
            }
            if (read == 0) {
                return;
            }
            switch (reader.drain(connection)) {
                case OVERSIZED -> {
                    connection.close(TcpRefusal.OVERSIZED_FRAME);
                    return;
                }
                case REFUSED -> {
                    connection.close(connection.isAuthenticated() ? null : TcpRefusal.BAD_FIRST_PACKET);
                    return;
                }
                default -> {
                    // Everything complete was delivered; read on.
                }
            }
        }
    }

    /** Called by a connection when its first packet authenticated it. */
    void authenticated(TcpConnection connection) {
        unauthenticated.remove(connection);
    }

    /** Queues the connection for the selector thread to close; any thread. */
    void closeLater(TcpConnection connection, TcpRefusal refusal) {
        toClose.add(new PendingClose(connection, refusal));
        selector.wakeup();
    }

    private void closeRequested() {
        PendingClose next;
        while ((next = toClose.poll()) != null) {
            TcpConnection connection = next.connection();
            if (next.refusal() != null) {
                refusals.count(next.refusal());
            }
            unauthenticated.remove(connection);
            open.remove(connection);
            connection.closeNow();
            if (connection.isAuthenticated()) {
                connection.handler().closed(connection);
            }
        }
    }

    private void expireUnauthenticated(long now) {
        TcpConnection oldest;
        while ((oldest = unauthenticated.peekFirst()) != null && now - oldest.openedNanos() >= authTimeoutNanos) {
            unauthenticated.removeFirst();
            oldest.close(TcpRefusal.AUTH_TIMEOUT);
        }
        closeRequested();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Never served: nothing more to do.
        }
    }

    /** Stops the selector loop and closes the listening socket and every connection. */
    @Override
    public void close() throws IOException {
        selector.close();
        server.close();
        for (TcpConnection connection : open) {
            connection.closeNow();
        }
        open.clear();
    }
}
