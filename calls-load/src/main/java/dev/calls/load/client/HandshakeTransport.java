package dev.calls.load.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.tls.DatagramTransport;

/**
 * The datagram transport under a simulated browser's DTLS handshake: the network thread {@link #offer}s
 * copies of DTLS records (dropping when the small queue is full: DTLS retransmits), the handshake thread
 * receives them, and sends go straight out of the participant's socket. Used for the handshake only, so
 * the copy per record costs nothing that matters.
 */
final class HandshakeTransport implements DatagramTransport {

    private static final int RECEIVE_LIMIT = 1500;
    /** BouncyCastle fragments flights to fit; 1200 bytes as WebRTC stacks use. */
    private static final int SEND_LIMIT = 1200;

    private final BlockingQueue<byte[]> received = new ArrayBlockingQueue<>(16);
    private final UdpEndpoint endpoint;
    private volatile boolean closed;

    HandshakeTransport(UdpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void offer(byte[] buf, int off, int len) {
        if (!closed) {
            received.offer(Arrays.copyOfRange(buf, off, off + len));
        }
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return SEND_LIMIT;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            return -1;
        }
        byte[] datagram;
        try {
            datagram = received.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("DTLS handshake interrupted");
        }
        if (datagram == null) {
            return -1;
        }
        int length = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, length);
        return length;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        endpoint.send(buf, off, len);
    }

    @Override
    public void close() {
        closed = true;
        received.clear();
    }
}
