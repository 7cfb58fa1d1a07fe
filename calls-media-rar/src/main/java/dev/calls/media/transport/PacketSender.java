package dev.calls.media.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Sends packets on one media path: a UDP socket of the media port, or one ICE-TCP connection
 * ({@link TcpConnection}), which frames them (RFC 4571). Never blocks the caller for long and never throws on
 * the packet path.
 */
public interface PacketSender {

    /**
     * Sends the buffer's remaining bytes, advancing its position. The packet path passes a buffer it keeps
     * and reuses, so a send allocates nothing.
     *
     * @return false when the packet could not be sent (socket closed, kernel buffer full); the caller counts it
     */
    boolean send(ByteBuffer datagram, InetSocketAddress to);

    /** Sends {@code buf[off, off + len)}; for the control path (STUN, DTLS, RTCP), as it wraps the array anew. */
    default boolean send(byte[] buf, int off, int len, InetSocketAddress to) {
        return send(ByteBuffer.wrap(buf, off, len), to);
    }

    /**
     * Sends every datagram of the batch, with as few system calls as the platform allows, and records in the
     * batch which of them went (a refused one is lost: it is media, no retry). The batch is not cleared.
     */
    void send(DatagramBatch batch);

    /**
     * Where media for a peer whose packet came from {@code from} through this sender goes: {@code current}
     * when it is that already (so a check repeated from the same address allocates nothing), else a new
     * UDP destination. A connection answers with its own destination.
     */
    default Destination destinationFor(InetSocketAddress from, Destination current) {
        if (current != null && current.connection() == null && current.address().equals(from)) {
            return current;
        }
        return new Destination(from);
    }
}
