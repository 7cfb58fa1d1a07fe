package dev.calls.ear;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real TURN server, Debian's coturn, on loopback for one test class: UDP and TCP on a free port, TLS on
 * another (with a self-signed certificate made by {@code openssl} for the run), relaying from an address of
 * its own ({@link #RELAY_ADDRESS}, so that a test can block the browsers' UDP and not the relay's), checking
 * TURN REST API credentials against a shared secret ({@code use-auth-secret}), its verbose log in a file of
 * its own (one line per allocation and permission, naming the user).
 */
public final class TurnServer implements AutoCloseable {

    /** The address coturn relays from: another loopback address, which every Linux answers without setup. */
    public static final String RELAY_ADDRESS = "127.0.0.2";

    private static final String BINARY = System.getProperty("calls.test.turnserver", "/usr/bin/turnserver");
    private static final String OPENSSL = "openssl";
    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Process process;
    private final Path directory;
    private final int port;
    private final int tlsPort;

    private TurnServer(Process process, Path directory, int port, int tlsPort) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** Whether this machine has coturn; the tests that need it are skipped otherwise. */
    public static boolean available() {
        return new File(BINARY).canExecute();
    }

    /** Starts the server and waits until it accepts TCP connections. */
    public static TurnServer start(String secret) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("calls-coturn-");
        int port = freePort();
        int tlsPort = freePort();
        selfSignedCertificate(directory);
        Process process = new ProcessBuilder(BINARY, "-n", "--verbose",
                "--listening-ip=127.0.0.1", "--relay-ip=" + RELAY_ADDRESS, "--listening-port=" + port,
                "--tls-listening-port=" + tlsPort, "--cert=" + directory.resolve("cert.pem"),
                "--pkey=" + directory.resolve("key.pem"),
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=calls.test",
                "--no-dtls", "--no-cli", "--allow-loopback-peers",
                "--log-file=" + directory.resolve("turnserver.log"), "--simple-log", "--no-stdout-log",
                "--pidfile=" + directory.resolve("turnserver.pid"))
                .redirectErrorStream(true).redirectOutput(directory.resolve("turnserver.out").toFile()).start();
        TurnServer server = new TurnServer(process, directory, port, tlsPort);
        server.awaitListening();
        return server;
    }

    /** {@code turn:} URLs of this server over UDP and TCP (RFC 7065), as an admin lists them in turnServers. */
    public String urls() {
        return "turn:127.0.0.1:" + port + "?transport=udp turn:127.0.0.1:" + port + "?transport=tcp";
    }

    /** The {@code turns:} URL of this server (TURN over TLS, RFC 7065), its certificate a self-signed one. */
    public String tlsUrl() {
        return "turns:127.0.0.1:" + tlsPort + "?transport=tcp";
    }

    /** The port coturn listens on, for UDP and TCP. */
    public int port() {
        return port;
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

    /** A key and a certificate for 127.0.0.1 valid for a day, in {@code key.pem} and {@code cert.pem}. */
    private static void selfSignedCertificate(Path directory) throws IOException, InterruptedException {
        Process openssl;
        try {
            openssl = new ProcessBuilder(OPENSSL, "req", "-x509", "-nodes",
                    "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", directory.resolve("key.pem").toString(),
                    "-out", directory.resolve("cert.pem").toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("openssl is not installed (Debian package openssl): " + e.getMessage(), e);
        }
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl could not make the TLS certificate: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
