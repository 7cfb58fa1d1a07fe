package dev.calls.load.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A simulated participant's own loopback address on its network thread's {@link SharedLoopbackSocket}: it
 * sends from that address, and what the server sends to it is handed to its receiver. Datagrams to it from
 * anyone but the server's candidate are dropped, as a connected socket's kernel would drop them.
 */
final class SharedSocketEndpoint implements UdpEndpoint {

    private final SharedLoopbackSocket socket;
    private final int address;
    private final InetSocketAddress local;
    private final int serverAddress;
    private final int serverPort;
    final DatagramReceiver receiver;
    private final Runnable onClose;
    private final LongAdder sendFailures = new LongAdder();
    private volatile boolean closed;

    SharedSocketEndpoint(SharedLoopbackSocket socket, int address, InetSocketAddress server, DatagramReceiver receiver,
            Runnable onClose) {
        this.socket = socket;
        this.address = address;
        this.local = new InetSocketAddress(ipv4(address), socket.port());
        this.serverAddress = ipv4(server.getAddress());
        this.serverPort = server.getPort();
        this.receiver = receiver;
        this.onClose = onClose;
    }

    /** An IPv4 address as the int the JNI side takes (the first byte highest). */
    static int ipv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
    }

    private static InetAddress ipv4(int address) {
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /** Whether a datagram from {@code source}:{@code port} comes from this participant's server candidate. */
    boolean fromServer(int source, int port) {
        return source == serverAddress && port == serverPort;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        if (closed || !socket.send(buf, off, len, address, serverAddress, serverPort)) {
            sendFailures.increment();
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return closed ? null : local;
    }

    @Override
    public long sendFailures() {
        return sendFailures.sum();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
