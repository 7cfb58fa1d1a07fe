package dev.calls.ear.browser;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.calls.media.peer.Poll;

/**
 * Debian's chromedriver running inside a {@link NetworkNamespace}, so that the Chromium it starts is on the
 * namespace's network only. The test reaches it through a relay on this machine's loopback address, which
 * follows the namespace when its address changes ({@link #follow()}): the WebDriver keeps one URL. The
 * driver accepts connections from the machine's end of the veth pair only.
 */
final class NamespacedDriver implements AutoCloseable {

    private static final String CHROMEDRIVER = System.getProperty("calls.test.chromedriver", "/usr/bin/chromedriver");
    private static final int PORT = 9515;
    private static final Duration START_PATIENCE = Duration.ofSeconds(20);

    private final NetworkNamespace namespace;
    private final Process process;
    private final TcpProxy relay;

    private NamespacedDriver(NetworkNamespace namespace, Process process, TcpProxy relay) {
        this.namespace = namespace;
        this.process = process;
        this.relay = relay;
    }

    static NamespacedDriver start(NetworkNamespace namespace) {
        Process process = namespace.start(CHROMEDRIVER, "--port=" + PORT, "--allowed-ips=" + namespace.hostAddress(),
                "--allowed-origins=*");
        TcpProxy relay = new TcpProxy(new InetSocketAddress(namespace.address(), PORT), InetAddress.getLoopbackAddress());
        NamespacedDriver driver = new NamespacedDriver(namespace, process, relay);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Poll.until(START_PATIENCE, () -> "chromedriver answering in namespace " + namespace.name,
                    () -> driver.ready(http) ? Boolean.TRUE : null);
            return driver;
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    /** The WebDriver URL of this driver, through the relay. */
    URL url() {
        InetSocketAddress at = relay.address();
        try {
            return new URL("http", at.getAddress().getHostAddress(), at.getPort(), "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The namespace's address changed: the relay goes to the new one. */
    void follow() {
        relay.retarget(new InetSocketAddress(namespace.address(), PORT));
    }

    private boolean ready(HttpClient http) {
        try {
            HttpRequest status = HttpRequest.newBuilder(URI.create(url() + "status")).timeout(Duration.ofSeconds(2)).build();
            return http.send(status, HttpResponse.BodyHandlers.ofString()).body().contains("\"ready\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        relay.close();
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
