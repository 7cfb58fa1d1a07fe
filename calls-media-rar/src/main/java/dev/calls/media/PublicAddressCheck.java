package dev.calls.media;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.jboss.logging.Logger;

import dev.calls.media.ice.StunBindingClient;
import dev.calls.media.ice.StunUri;

/**
 * The startup check of a server without {@code iceHostOverride}: asks the first STUN server the admin
 * configured for clients which public address this machine has, and logs whether clients can be expected
 * to reach the advertised one. Runs once on a background thread, within a bounded time, and never holds
 * up the engine; it only ever sends to that configured server.
 */
public final class PublicAddressCheck implements Runnable {

    private static final Logger LOG = Logger.getLogger(PublicAddressCheck.class);

    /** Long enough for four retransmissions (RFC 8489 §6.2.1), short enough to report soon after start. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final StunUri server;
    private final String advertisedAddress;
    private final Duration timeout;

    public PublicAddressCheck(StunUri server, String advertisedAddress, Duration timeout) {
        this.server = server;
        this.advertisedAddress = advertisedAddress;
        this.timeout = timeout;
    }

    @Override
    public void run() {
        Outcome outcome = check();
        if (outcome.success()) {
            LOG.info(outcome.message());
        } else {
            LOG.warn(outcome.message());
        }
    }

    /** What the check found, as the line it logs. */
    public record Outcome(boolean success, String message) {
    }

    public Outcome check() {
        InetSocketAddress target;
        try {
            target = new InetSocketAddress(InetAddress.getByName(server.host()), server.port());
        } catch (UnknownHostException e) {
            return failed("failed: cannot resolve " + server.host());
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            InetSocketAddress mapped = StunBindingClient.query(socket, target, timeout);
            if (mapped == null) {
                return failed("timed out after " + timeout.toMillis() + " ms without an answer");
            }
            String seen = mapped.getAddress().getHostAddress();
            if (seen.equals(advertisedAddress)) {
                return new Outcome(true, String.format("STUN discovery via %s: this server's public address is %s, "
                        + "the address it advertises to clients", server, seen));
            }
            return new Outcome(true, String.format("STUN discovery via %s: this server's public address is %s, "
                    + "but it advertises %s to clients; behind NAT, set the resource adapter property "
                    + "iceHostOverride=%s and forward the media UDP port to this machine", server, seen,
                    advertisedAddress, seen));
        } catch (IOException e) {
            return failed("failed: " + e.getMessage());
        }
    }

    private Outcome failed(String why) {
        return new Outcome(false, String.format("STUN discovery via %s %s; clients are given %s, which must be "
                + "reachable from their networks (set iceHostOverride otherwise)", server, why, advertisedAddress));
    }
}
