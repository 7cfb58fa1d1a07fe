package dev.calls.load.client;

import java.net.InetSocketAddress;

/**
 * Where one simulated participant sends from and receives at: a socket of its own ({@link ChannelEndpoint}),
 * or its own address on a socket its network thread shares ({@link SharedSocketEndpoint}), or, over ICE-TCP, a
 * connection of its own ({@link TcpEndpoint}). Sends may come from
 * any thread; a send the socket refuses is counted and lost, as a browser's would be.
 */
public interface UdpEndpoint extends AutoCloseable {

    /** Sends {@code buf[off, off + len)} to the server's candidate. */
    void send(byte[] buf, int off, int len);

    /** The address and port the participant sends from, its host candidate; null if closed. */
    InetSocketAddress localAddress();

    /** Datagrams the socket refused. */
    long sendFailures();

    @Override
    void close();
}
