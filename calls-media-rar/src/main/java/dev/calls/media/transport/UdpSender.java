package dev.calls.media.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Sends datagrams from the media port; never blocks the caller for long and never throws on the packet path. */
public interface UdpSender {

    /**
     * Sends the buffer's remaining bytes, advancing its position. The packet path passes a buffer it keeps
     * and reuses, so a send allocates nothing.
     *
     * @return false when the datagram could not be sent (socket closed, kernel buffer full); the caller counts it
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
}
