package dev.calls.web.signaling;

import dev.calls.web.security.AuthCookie;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the upgrade request's credentials into the connection's user properties (the container hands
 * each upgrade its own copy of the endpoint configuration): the bearer token, else the session cookie.
 * A cookie rides along on cross-site requests too, so a cookie-authenticated upgrade whose Origin is not
 * this server's own is marked refused (cross-site WebSocket hijacking); the endpoint closes it with 1008.
 * Clients that are not browsers send no Origin and authenticate with a bearer header or the first frame.
 */
public class HandshakeHeaders extends ServerEndpointConfig.Configurator {

    /** User property: the token the upgrade carried, absent when none. */
    static final String TOKEN = "calls.token";
    /** User property: present when a cookie authenticated a cross-origin upgrade. */
    static final String FOREIGN_ORIGIN = "calls.foreignOrigin";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, Object> properties = config.getUserProperties();
        String authorization = first(request, "Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            properties.put(TOKEN, authorization.substring(7).trim());
            return;
        }
        String cookie = cookieToken(first(request, "Cookie"));
        if (cookie != null) {
            properties.put(TOKEN, cookie);
            String origin = first(request, "Origin");
            if (origin != null && !sameOrigin(origin, first(request, "Host"))) {
                properties.put(FOREIGN_ORIGIN, origin);
            }
        }
    }

    /** Whether the Origin header names the host the request was sent to (scheme aside, as proxies may end TLS). */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || "null".equals(origin)) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String bareHost = host.trim().toLowerCase(Locale.ROOT);
            String target = authority.toLowerCase(Locale.ROOT);
            return target.equals(bareHost) || (uri.getPort() < 0 && bareHost.startsWith(target + ":")
                    && defaultPort(uri.getScheme(), bareHost.substring(target.length() + 1)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean defaultPort(String scheme, String port) {
        return ("http".equalsIgnoreCase(scheme) && port.equals("80")) || ("https".equalsIgnoreCase(scheme) && port.equals("443"));
    }

    /** The session cookie's value in a Cookie header, or null. */
    static String cookieToken(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equals(AuthCookie.NAME)) {
                String value = part.substring(eq + 1).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String first(HandshakeRequest request, String name) {
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
