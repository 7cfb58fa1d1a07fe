package dev.calls.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One ICE-TCP connection (RFC 6544): the client's active side of our passive candidate. It is a media path
 * like a UDP address: packets arrive as RFC 4571 frames, read by the port's selector thread, and anything
 * sent to the peer is framed the same way.
 *
 * <p>Sending: any thread may send (forwarding worker, timer, handshake, selector). A send appends the frame
 * to the connection's send buffer under a lock private to this connection and writes what the socket takes
 * at once (non-blocking); the rest is written by the selector thread when the socket is writable. The buffer
 * is bounded ({@code sendBufferBytes}, allocated once the connection authenticated; before, room for one
 * packet, the answer to its check): a peer that reads too slowly for it is closed ({@link TcpRefusal#SLOW_READER}) rather than
 * allowed to make the server buffer without end. Nothing is allocated per packet.
 */
public final class TcpConnection implements PacketSender, FrameReader.FrameHandler {

    /** What the engine does with the packets of a connection; runs on the port's selector thread. */
    public interface PacketHandler {

        /**
         * A packet of the connection. The connection must be {@link TcpConnection#authenticate()}d by its first
         * packet, or it is closed.
         *
         * @return false to close the connection
         */
        boolean onPacket(TcpConnection connection, byte[] buf, int off, int len);

        /** The connection is closed, for whatever reason; it sends nothing more. */
        void closed(TcpConnection connection);
    }

    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final Destination destination;
    private final FrameReader reader;
    private final PacketHandler handler;
    private final TcpMediaPort port;
    private final TrafficCounters traffic;
    private final long openedNanos;
    private final int sendBufferBytes;
    private final int smallBufferBytes;
    private final Object sendLock = new Object();
    /** Framed packets not yet taken by the socket, in write mode; guarded by sendLock. */
    private ByteBuffer pending;
    /** Whether the selector watches for writability; guarded by sendLock. */
    private boolean writeWanted;
    /** Whether {@link #authenticate()} ran, for the senders; guarded by sendLock. */
    private boolean bound;
    /** Set once, by any thread, when the connection is to close; guarded by sendLock. */
    private boolean closing;
    private SelectionKey key;
    private boolean authenticated;

    TcpConnection(SocketChannel channel, InetSocketAddress remote, TcpMediaPort port, PacketHandler handler,
            int maxPacketBytes, int sendBufferBytes, TrafficCounters traffic, long openedNanos) {
        this.channel = channel;
        this.remote = remote;
        this.destination = new Destination(remote, this);
        this.reader = new FrameReader(maxPacketBytes);
        this.handler = handler;
        this.port = port;
        this.traffic = traffic;
        this.sendBufferBytes = sendBufferBytes;
        this.smallBufferBytes = FrameReader.HEADER_BYTES + maxPacketBytes;
        this.openedNanos = openedNanos;
    }

    /** The client's address and port, as a check from it is answered (XOR-MAPPED-ADDRESS). */
    public InetSocketAddress remote() {
        return remote;
    }

    /**
     * Marks the connection as bound to a session: its first packet was an authenticated ICE check. From then
     * on it no longer counts against the unauthenticated limit nor the ICE timeout; consent freshness
     * (RFC 7675) watches it like any path of the session. Selector thread only.
     */
    public void authenticate() {
        if (!authenticated) {
            authenticated = true;
            port.authenticated(this);
            synchronized (sendLock) {
                bound = true;
                if (pending != null) {
                    pending.flip();
                    pending = ByteBuffer.allocateDirect(sendBufferBytes).put(pending);
                }
            }
        }
    }

    boolean isAuthenticated() {
        return authenticated;
    }

    long openedNanos() {
        return openedNanos;
    }

    SocketChannel channel() {
        return channel;
    }

    FrameReader reader() {
        return reader;
    }

    void register(SelectionKey registered) {
        this.key = registered;
    }

    PacketHandler handler() {
        return handler;
    }

    @Override
    public boolean onFrame(byte[] buf, int off, int len) {
        traffic.received(len);
        boolean keep = handler.onPacket(this, buf, off, len);
        return keep && authenticated;
    }

    @Override
    public Destination destinationFor(InetSocketAddress from, Destination current) {
        return destination;
    }

    @Override
    public boolean send(ByteBuffer packet, InetSocketAddress to) {
        int length = packet.remaining();
        synchronized (sendLock) {
            if (!reserve(length)) {
                return false;
            }
            pending.putShort((short) length).put(packet);
            return flushLocked(length);
        }
    }

    /** Frames {@code buf[off, off + len)} without wrapping it: this is the forwarding path's send. */
    @Override
    public boolean send(byte[] buf, int off, int len, InetSocketAddress to) {
        synchronized (sendLock) {
            if (!reserve(len)) {
                return false;
            }
            pending.putShort((short) len).put(buf, off, len);
            return flushLocked(len);
        }
    }

    @Override
    public void send(DatagramBatch batch) {
        for (int i = 0; i < batch.count(); i++) {
            int length = batch.lengths[i];
            boolean sent;
            synchronized (sendLock) {
                sent = reserve(length);
                if (sent) {
                    pending.putShort((short) length).put(pending.position(), batch.slab, batch.offsets[i], length);
                    pending.position(pending.position() + length);
                    sent = flushLocked(length);
                }
            }
            batch.results[i] = sent ? length : -1;
        }
    }

    /** Whether the frame fits; a full buffer means a slow reader, which is closed. Holds sendLock. */
    private boolean reserve(int length) {
        if (closing) {
            traffic.refused();
            return false;
        }
        if (pending == null) {
            // Until a check authenticates it, a connection gets room for its answers only, not a media buffer.
            pending = bound ? ByteBuffer.allocateDirect(sendBufferBytes) : ByteBuffer.allocate(smallBufferBytes);
        }
        if (length > 0xFFFF || pending.remaining() < FrameReader.HEADER_BYTES + length) {
            traffic.refused();
            closeLocked(TcpRefusal.SLOW_READER);
            return false;
        }
        return true;
    }

    /** Writes what the socket takes now; asks the selector to write the rest. Holds sendLock. */
    private boolean flushLocked(int length) {
        traffic.sent(length);
        if (writeWanted) {
            return true;
        }
        writePending();
        if (pending.position() > 0 && !closing) {
            writeWanted = true;
            try {
                key.interestOpsOr(SelectionKey.OP_WRITE);
                key.selector().wakeup();
            } catch (CancelledKeyException e) {
                closeLocked(null);
            }
        }
        return true;
    }

    /** The socket is writable: the selector thread writes what waits, and stops watching once it is all out. */
    void onWritable() {
        synchronized (sendLock) {
            if (pending == null || closing) {
                return;
            }
            writePending();
            if (pending.position() == 0 && !closing) {
                writeWanted = false;
                key.interestOpsAnd(~SelectionKey.OP_WRITE);
            }
        }
    }

    private void writePending() {
        pending.flip();
        try {
            channel.write(pending);
        } catch (IOException e) {
            closeLocked(null);
        }
        pending.compact();
    }

    /** Asks the selector thread to close this connection, counted as {@code refusal} when not null. Any thread. */
    public void close(TcpRefusal refusal) {
        synchronized (sendLock) {
            closeLocked(refusal);
        }
    }

    private void closeLocked(TcpRefusal refusal) {
        if (!closing) {
            closing = true;
            port.closeLater(this, refusal);
        }
    }

    /** Closes the socket; selector thread only, once. */
    void closeNow() {
        synchronized (sendLock) {
            closing = true;
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closed as far as it can be: nothing is sent or read on it any more.
        }
    }

    @Override
    public String toString() {
        return "tcp " + remote;
    }
}
