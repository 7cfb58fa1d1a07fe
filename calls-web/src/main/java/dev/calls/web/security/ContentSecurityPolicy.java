package dev.calls.web.security;

import java.util.regex.Pattern;

/**
 * The Content-Security-Policy (CSP Level 3) of every response of the web module. The browser client is one
 * page of same-origin module scripts and one style sheet, with no inline script or style, so everything is
 * {@code 'self'}: a script injected into the page neither runs inline nor loads from elsewhere, and nothing
 * may frame the client. Connections go to the API and to the signaling WebSocket of the same host; CSP Level 3
 * lets {@code 'self'} cover {@code ws:} and {@code wss:} of the page's host, and the host is also named
 * explicitly for browsers that predate that rule. {@code base-uri 'self'}: the page sets {@code <base href>}
 * to the context root, its own origin. The app's service worker and its manifest are same-origin files,
 * named in {@code worker-src} and {@code manifest-src} rather than left to the fallback of {@code default-src}.
 */
public final class ContentSecurityPolicy {

    /** A Host header value: a DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?");

    private static final String FIXED = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "media-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "connect-src 'self'";

    private ContentSecurityPolicy() {
    }

    /**
     * The policy for a request that named {@code host} in its Host header. A host that is not a plain host
     * name (absent, or anything that could end the directive) leaves {@code connect-src} at {@code 'self'}.
     */
    public static String forHost(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            return FIXED;
        }
        return FIXED + " ws://" + host + " wss://" + host;
    }
}
