package dev.calls.ear.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay (on the loopback address unless told otherwise) in front of the server's HTTP port, which the
 * test can cut: a page opened through it loses its connections (its WebSocket closes as on a network drop)
 * and cannot open new ones until the test lets it. Or freeze: the connections open at that moment stop passing anything,
 * in either direction, without a FIN or RST (a NAT that forgot them), while new ones work. Media goes to the
 * server's UDP port directly, not through here. It may listen on another address of this machine (for a
 * browser in a {@link NetworkNamespace}), and its target may move (to a service inside a namespace whose
 * address changed).
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private volatile InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> frozen = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    TcpProxy(URL server) {
        this(new InetSocketAddress(server.getHost(), server.getPort()), InetAddress.getLoopbackAddress());
    }

    /** A relay listening on {@code listenOn} (any free port) in front of {@code target}. */
    TcpProxy(InetSocketAddress target, InetAddress listenOn) {
        this.target = target;
        try {
            listener = new ServerSocket(0, 50, listenOn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The same address, through the relay. */
    URL through(URL url) {
        try {
            return new URL(url.getProtocol(), listener.getInetAddress().getHostAddress(), listener.getLocalPort(), url.getFile());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Closes every relayed connection and refuses new ones until {@link #restore()}. */
    void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** The connections open now pass nothing more and are never closed by the relay; new ones pass. */
    void freeze() {
        frozen.addAll(open);
    }

    void restore() {
        cut = false;
    }

    /** Relays new connections to {@code next}; those to the old target are closed (they went nowhere). */
    void retarget(InetSocketAddress next) {
        target = next;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** Where the relay listens. */
    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                InetSocketAddress to = target;
                Socket upstream = new Socket(to.getAddress(), to.getPort());
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            // The streams are not closed by themselves: that would close their sockets, frozen ones too.
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (!frozen.contains(from)) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // One side closed or was cut: the other goes too, unless frozen (it hears nothing).
            } finally {
                if (!frozen.contains(from)) {
                    closeQuietly(from);
                    closeQuietly(to);
                    open.remove(from);
                    open.remove(to);
                }
            }
        }, "proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is wanted; a socket already closed is fine.
        }
    }
}
