package dev.calls.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.StampedLock;

/**
 * Sends on one socket of the media port and counts what it sends and what is refused into the port's
 * {@link TrafficCounters}; it also closes that socket, so that no batch is ever sent on a closed one.
 *
 * <p>Why a lock: a native batch send uses the socket's descriptor number, and once the channel is closed that
 * number may be given to any file the process opens next; a send then would write media into it. Stopping
 * the forwarding threads before the port closes would also prevent it, but only as long as every caller
 * (engine stop, a receive loop giving up, tests, benchmarks) keeps that order and waits for threads it may not
 * own. The guard holds whoever closes: batch sends hold the read side of a {@link StampedLock} for one
 * non-blocking system call, {@link #close()} takes the write side to mark the sender closed before the channel
 * is closed. Readers do not exclude each other, and a send that meets a close in progress refuses its batch
 * rather than wait. The JDK's own {@code DatagramChannel.send} needs no guard: it checks under its own lock.
 * (A fallback batch, one {@code DatagramChannel.send} each, runs under the guard too; on this blocking
 * channel it can wait for send-buffer space as single sends always could, and a close then waits with it.)
 */
public final class ChannelSender implements PacketSender, AutoCloseable {

    private final DatagramChannel channel;
    private final BatchSend batchSend;
    private final TrafficCounters traffic;
    private final StampedLock guard = new StampedLock();
    private boolean closed;

    /** @param batchSend how batches go out on {@code channel} ({@link BatchSend#best}, or a test's choice) */
    public ChannelSender(DatagramChannel channel, BatchSend batchSend, TrafficCounters traffic) {
        this.channel = channel;
        this.batchSend = batchSend;
        this.traffic = traffic;
    }

    @Override
    public boolean send(ByteBuffer datagram, InetSocketAddress to) {
        int length = datagram.remaining();
        boolean sent;
        try {
            sent = channel.send(datagram, to) == length;
        } catch (IOException e) {
            sent = false;
        }
        if (sent) {
            traffic.sent(length);
        } else {
            traffic.refused();
        }
        return sent;
    }

    @Override
    public void send(DatagramBatch batch) {
        long stamp = guard.tryReadLock();
        try {
            // A batch not sent keeps the results add() gave it: refused.
            if (stamp != 0 && !closed) {
                batchSend.send(batch);
            }
        } finally {
            if (stamp != 0) {
                guard.unlockRead(stamp);
            }
        }
        int sent = 0;
        long bytes = 0;
        for (int i = 0; i < batch.count(); i++) {
            if (batch.sent(i)) {
                sent++;
                bytes += batch.results[i];
            }
        }
        traffic.sent(sent, bytes);
        traffic.refused(batch.count() - sent);
    }

    DatagramChannel channel() {
        return channel;
    }

    /** Closes the socket once no batch send is using it; later sends are refused. */
    @Override
    public void close() throws IOException {
        long stamp = guard.writeLock();
        try {
            closed = true;
        } finally {
            guard.unlockWrite(stamp);
        }
        channel.close();
    }
}
