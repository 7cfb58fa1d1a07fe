package dev.calls.load.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.calls.media.transport.NativeLibrary;

/**
 * One IPv4 UDP socket on 0.0.0.0 through which many simulated participants send and receive, each from an
 * address of its own in 127.0.0.0/8 (all of which Linux delivers on the loopback interface), or in a range
 * local to the clients' network namespace ({@link SharedAddresses}). The JNI half is
 * {@code src/main/c/loadudp.c}: {@code IP_PKTINFO} picks a datagram's source address on sending and tells its
 * destination on receiving, {@code recvmmsg(2)} reads many datagrams per system call, and
 * {@code SO_TIMESTAMPNS} tells when each arrived in the socket, none of which Java 17's
 * {@code DatagramChannel} can do.
 *
 * <p>Why: with a socket per participant, the fan-out of a call of 1000 lands in 1000 sockets, and each
 * datagram costs the kernel an epoll wake-up record and a ready-list entry, a {@code read} of its own, and the
 * JDK its per-read bookkeeping, on the same cores the server forwards on. The server sees the same 1000
 * addresses either way, so what it does is unchanged; only the clients' own receive work shrinks.
 *
 * <p>Thread-safe. The descriptor is guarded against being closed under a send or receive in flight (a closed
 * descriptor's number is reused by the next file the JVM opens).
 */
final class SharedLoopbackSocket implements AutoCloseable {

    /** Ints per datagram in {@link #receive}'s meta array: length, destination, source address, source port. */
    static final int META = 4;
    /** errno(3): what setns(2) answers a thread without CAP_SYS_ADMIN. */
    private static final int EPERM = 1;

    private static final boolean AVAILABLE = NativeLibrary.load(SharedLoopbackSocket.class, "loadudp",
            "simulated participants share a socket per network thread",
            "each simulated participant has a socket of its own");

    private final int fd;
    private final int port;
    private final Lock using;
    private final Lock closing;
    private boolean closed;

    private SharedLoopbackSocket(int fd, int port) {
        this.fd = fd;
        this.port = port;
        ReadWriteLock lock = new ReentrantReadWriteLock();
        this.using = lock.readLock();
        this.closing = lock.writeLock();
    }

    /** Whether the JNI library loaded (Linux x86_64, built with gcc). */
    static boolean available() {
        return AVAILABLE;
    }

    /** A new socket on an ephemeral port, asking for {@code receiveBufferBytes} of receive buffer. */
    static SharedLoopbackSocket open(int receiveBufferBytes) throws IOException {
        return open(receiveBufferBytes, null);
    }

    /**
     * As {@link #open(int)}, inside the network namespace the file {@code namespace} names (entering one needs
     * CAP_SYS_ADMIN), or in this process's own where it is null.
     */
    static SharedLoopbackSocket open(int receiveBufferBytes, String namespace) throws IOException {
        int fd = open0(receiveBufferBytes, namespace);
        if (fd == -EPERM && namespace != null) {
            throw new IOException("entering the network namespace " + namespace + " needs CAP_SYS_ADMIN (root)");
        }
        if (fd < 0) {
            throw new IOException("opening a shared socket" + (namespace == null ? "" : " in " + namespace)
                    + " failed: errno " + -fd);
        }
        int port = localPort(fd);
        if (port < 0) {
            close0(fd);
            throw new IOException("reading the shared socket's port failed: errno " + -port);
        }
        return new SharedLoopbackSocket(fd, port);
    }

    int port() {
        return port;
    }

    /**
     * Reads the datagrams queued now, at most {@code meta.length / META}, {@code arrivals.length} and as many
     * {@code slotBytes}-slots as {@code slab} (direct) holds: datagram i at {@code slab[i * slotBytes]}, its
     * length, destination, source address and port in {@code meta[META i ...]} (addresses as IPv4 ints), and in
     * {@code arrivals[i]} the {@link System#nanoTime()} at which it arrived in the socket. Returns how many; 0
     * if none, or once the socket is closed.
     */
    int receive(ByteBuffer slab, int slotBytes, int[] meta, long[] arrivals) throws IOException {
        using.lock();
        try {
            if (closed) {
                return 0;
            }
            int count = receive0(fd, slab, slotBytes, Math.min(meta.length / META, arrivals.length), meta, arrivals);
            if (count < 0) {
                throw new IOException("recvmmsg failed: errno " + -count);
            }
            return count;
        } finally {
            using.unlock();
        }
    }

    /** Sends {@code buf[off, off + len)} from local address {@code from} to {@code to}:{@code toPort}; false if refused. */
    boolean send(byte[] buf, int off, int len, int from, int to, int toPort) {
        using.lock();
        try {
            return !closed && send0(fd, buf, off, len, from, to, toPort) == len;
        } finally {
            using.unlock();
        }
    }

    @Override
    public void close() {
        closing.lock();
        try {
            if (!closed) {
                closed = true;
                close0(fd);
            }
        } finally {
            closing.unlock();
        }
    }

    private static native int open0(int receiveBufferBytes, String namespace);

    private static native int localPort(int fd);

    private static native int receive0(int fd, ByteBuffer slab, int slotBytes, int slots, int[] meta,
            long[] arrivals);

    private static native int send0(int fd, byte[] buf, int off, int len, int from, int to, int port);

    private static native int close0(int fd);
}
