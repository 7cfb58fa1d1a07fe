package dev.calls.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.tls.DatagramTransport;

import org.jboss.logging.Logger;

/**
 * The BouncyCastle datagram transport under one DTLS endpoint (a {@link DtlsServer}, or a client standing in
 * for a browser): the receive thread {@link #offer offers} datagrams, which are copied into a fixed pool of
 * slots and queued for the DTLS worker thread; when no slot is free the datagram is dropped and counted
 * (DTLS retransmits). Outgoing datagrams go straight to the
 * {@link DtlsPacketSender}. No allocation per datagram; the queue never grows.
 */
public final class DatagramQueue implements DatagramTransport {

    private static final Logger LOG = Logger.getLogger(DatagramQueue.class);

    /** Largest datagram accepted: an Ethernet MTU, more than any browser's DTLS record flight uses. */
    static final int RECEIVE_LIMIT = 1500;

    /**
     * Largest datagram we send: BouncyCastle fragments handshake messages to fit. 1200 bytes fits
     * IPv6's minimum MTU with room for TURN framing, as WebRTC stacks do.
     */
    static final int SEND_LIMIT = 1200;

    /** Wakes a worker blocked on an empty queue when the transport is closed; never carries data. */
    private static final Slot CLOSED = new Slot(0);

    private final BlockingQueue<Slot> free;
    private final BlockingQueue<Slot> queued;
    private final DtlsPacketSender sender;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    public DatagramQueue(int capacity, DtlsPacketSender sender) {
        this.free = new ArrayBlockingQueue<>(capacity);
        // One place more than there are slots, so the CLOSED marker always fits.
        this.queued = new ArrayBlockingQueue<>(capacity + 1);
        this.sender = sender;
        for (int i = 0; i < capacity; i++) {
            free.add(new Slot(RECEIVE_LIMIT));
        }
    }

    /**
     * Queues a copy of one received datagram. Never blocks. Returns false, counting a drop, if the
     * transport is closed, the datagram is too large or no slot is free.
     */
    public boolean offer(byte[] buf, int off, int len) {
        if (closed || len < 0 || len > RECEIVE_LIMIT) {
            dropped.incrementAndGet();
            return false;
        }
        Slot slot = free.poll();
        if (slot == null) {
            dropped.incrementAndGet();
            return false;
        }
        System.arraycopy(buf, off, slot.data, 0, len);
        slot.length = len;
        queued.add(slot);
        return true;
    }

    /** Whether a received datagram waits to be processed. */
    boolean hasQueued() {
        return !queued.isEmpty();
    }

    /** Datagrams dropped because the queue was full, they were too large or the transport was closed. */
    long dropped() {
        return dropped.get();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return SEND_LIMIT;
    }

    /**
     * Waits for the next datagram, on the DTLS worker thread. As for BouncyCastle's own UDP transport,
     * {@code waitMillis} 0 means wait without limit; -1 is returned when the wait ends without data.
     *
     * @throws IOException once the transport is closed, so a blocked handshake ends promptly
     */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        Slot slot;
        try {
            slot = waitMillis > 0 ? queued.poll(waitMillis, TimeUnit.MILLISECONDS) : queued.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a DTLS datagram");
        }
        if (slot == null) {
            return -1;
        }
        if (slot == CLOSED || closed) {
            throw new IOException("DTLS transport closed");
        }
        int n = Math.min(len, slot.length);
        System.arraycopy(slot.data, 0, buf, off, n);
        free.add(slot);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        if (closed) {
            return;
        }
        try {
            sender.send(buf, off, len);
        } catch (RuntimeException e) {
            LOG.debugf(e, "DTLS datagram of %d bytes not sent", len);
        }
    }

    /**
     * Closes the transport: later sends are dropped and a waiting or later {@link #receive} fails.
     * Called by the owner, and by BouncyCastle when the connection ends (close_notify or fatal alert).
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queued.offer(CLOSED);
        }
    }

    /** One reusable receive buffer. */
    private static final class Slot {
        final byte[] data;
        int length;

        Slot(int size) {
            data = new byte[size];
        }
    }
}
