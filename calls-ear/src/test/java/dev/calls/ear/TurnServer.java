package dev.calls.ear;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real TURN server, Debian's coturn, on loopback for one test class: UDP and TCP on a free port, relaying
 * from 127.0.0.1, checking TURN REST API credentials against a shared secret ({@code use-auth-secret}), its
 * verbose log in a file of its own (one line per allocation and permission, naming the user).
 */
public final class TurnServer implements AutoCloseable {

    private static final String BINARY = System.getProperty("calls.test.turnserver", "/usr/bin/turnserver");
    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Process process;
    private final Path directory;
    private final int port;

    private TurnServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Whether this machine has coturn; the tests that need it are skipped otherwise. */
    public static boolean available() {
        return new File(BINARY).canExecute();
    }

    /** Starts the server and waits until it accepts TCP connections. */
    public static TurnServer start(String secret) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("calls-coturn-");
        int port = freePort();
        Process process = new ProcessBuilder(BINARY, "-n", "--verbose",
                "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=calls.test",
                "--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers",
                "--log-file=" + directory.resolve("turnserver.log"), "--simple-log", "--no-stdout-log",
                "--pidfile=" + directory.resolve("turnserver.pid"))
                .redirectErrorStream(true).redirectOutput(directory.resolve("turnserver.out").toFile()).start();
        TurnServer server = new TurnServer(process, directory, port);
        server.awaitListening();
        return server;
    }

    /** {@code turn:} URLs of this server over UDP and TCP (RFC 7065), as an admin lists them in turnServers. */
    public String urls() {
        return "turn:127.0.0.1:" + port + "?transport=udp turn:127.0.0.1:" + port + "?transport=tcp";
    }

    /** The server's log so far. */
    public String log() {
        try {
            return Files.readString(directory.resolve("turnserver.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("turnserver did not listen on port " + port + ": "
                + Files.readString(directory.resolve("turnserver.out")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
