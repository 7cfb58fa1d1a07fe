package dev.calls.media.ice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code stun:host[:port]} URI (RFC 7064 §3.1; the default port is 3478), found in the ICE servers
 * configuration that clients are given.
 */
public record StunUri(String host, int port) {

    public static final int DEFAULT_PORT = 3478;

    // host: a name, an IPv4 address or a bracketed IPv6 address (RFC 3986 §3.2.2); never a quote or comma.
    private static final Pattern STUN = Pattern.compile("\"stun:(\\[[0-9A-Fa-f:.]+\\]|[^\"\\[\\]:?,\\s]+)(?::(\\d{1,5}))?\"");

    /** The first {@code stun:} URI in the text (the JSON of the iceServers property), or null when there is none. */
    public static StunUri firstIn(String iceServersJson) {
        if (iceServersJson == null) {
            return null;
        }
        Matcher matcher = STUN.matcher(iceServersJson);
        if (!matcher.find()) {
            return null;
        }
        String host = matcher.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = matcher.group(2) == null ? DEFAULT_PORT : Integer.parseInt(matcher.group(2));
        return port > 0 && port <= 0xFFFF ? new StunUri(host, port) : null;
    }

    @Override
    public String toString() {
        return "stun:" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
