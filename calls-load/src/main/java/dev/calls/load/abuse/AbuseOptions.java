package dev.calls.load.abuse;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The abuse scenario's bounds: how long the attacks run beside the call in progress, how fast each opens its
 * connections or joins, and how many of each there are. Every attack stops at the end of the window.
 *
 * @param seconds       the abuse window
 * @param openRate      connections, WebSockets or joins an attack opens per second, at most
 * @param slowHeaders   TCP connections that send request header bytes one at a time and never finish
 * @param webSockets    WebSockets one user opens and authenticates
 * @param halfOpenJoins joins that send an offer and never connect (one user each)
 * @param offerSsrcs    {@code a=ssrc} lines in the oversized offer
 * @param floodRate     audio packets per second the voice flood sends (Opus sends 50)
 */
public record AbuseOptions(int seconds, int openRate, int slowHeaders, int webSockets, int halfOpenJoins,
        int offerSsrcs, int floodRate) {

    public static final AbuseOptions DEFAULTS = new AbuseOptions(20, 50, 200, 300, 100, 600, 4000);

    public AbuseOptions {
        if (seconds < 1 || openRate < 1 || slowHeaders < 0 || webSockets < 0 || halfOpenJoins < 0 || offerSsrcs < 0
                || floodRate < 1) {
            throw new IllegalArgumentException("abuse options out of range: seconds and rates at least 1, counts at least 0");
        }
    }

    /**
     * Refuses a target that is not a plain-HTTP server on this machine's loopback: the attacks are for one's
     * own test server, and the slow headers are plain HTTP.
     */
    public static void requireLoopback(URI server) {
        if (!"http".equals(server.getScheme())) {
            throw new IllegalArgumentException("--scenario abuse needs an http:// server, got " + server);
        }
        try {
            if (!InetAddress.getByName(server.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("--scenario abuse runs against this machine's loopback only, not "
                        + server.getHost());
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + server.getHost(), e);
        }
    }
}
