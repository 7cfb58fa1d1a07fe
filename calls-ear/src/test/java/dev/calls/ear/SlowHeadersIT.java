package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Slow HTTP headers without signing in (the "slowloris" attack): many connections that start a request and
 * then trickle its headers a byte a second, forever. The listener's request-parse-timeout (configure.cli)
 * closes each of them while the trickle goes on, and meanwhile the health check and a real sign-in answer.
 */
class SlowHeadersIT extends DeployedEar {

    private static final int CONNECTIONS = 100;
    /** Far beyond the configured parse deadline (10 s); without one the trickle keeps every connection open. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration TRICKLE_INTERVAL = Duration.ofSeconds(1);

    @Test
    void tricklingConnectionsAreClosedWhileOthersAreServed() throws Exception {
        List<Trickler> tricklers = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                tricklers.add(Trickler.start(base.getHost(), base.getPort(), base.getPath()));
            }
            trickle(tricklers);

            assertOthersAreServed();

            Instant deadline = Instant.now().plus(PATIENCE);
            while (stillOpen(tricklers) > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(TRICKLE_INTERVAL.toMillis());
                trickle(tricklers);
            }
            assertEquals(0, stillOpen(tricklers), "every trickling connection is closed by the server");
            assertOthersAreServed();
        } finally {
            for (Trickler trickler : tricklers) {
                trickler.close();
            }
        }
    }

    private void assertOthersAreServed() {
        Http.Reply ping = Http.get(base, "api/v1/system/ping");
        assertEquals(200, ping.status(), ping.body());
        new Api(base).adminToken();
    }

    private static void trickle(List<Trickler> tricklers) {
        for (Trickler trickler : tricklers) {
            trickler.sendOneByte();
        }
    }

    private static long stillOpen(List<Trickler> tricklers) {
        return tricklers.stream().filter(Trickler::isOpen).count();
    }

    /** One client that began a request and sends one more header byte at a time; it notices when the server hangs up. */
    private static final class Trickler implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean closedByServer;

        private Trickler(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        static Trickler start(String host, int port, String path) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(1);
            Trickler trickler = new Trickler(socket);
            trickler.out.write(("GET " + path + "api/v1/system/ping HTTP/1.1\r\nHost: " + host + "\r\nX-Slow: ")
                    .getBytes(StandardCharsets.US_ASCII));
            trickler.out.flush();
            return trickler;
        }

        boolean isOpen() {
            return !closedByServer;
        }

        /** Sends one header byte, then looks whether the server closed the connection (end of stream or reset). */
        void sendOneByte() {
            if (closedByServer) {
                return;
            }
            try {
                out.write('a');
                out.flush();
                if (in.read() == -1) {
                    closedByServer = true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // nothing to read and no end of stream: the server still waits for the headers
            } catch (IOException reset) {
                closedByServer = true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
