package dev.calls.media.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code a=candidate} (RFC 8839 §5.1): foundation, component, transport, priority, address, port, type,
 * then name/value extensions in order ({@code raddr}, {@code rport}, {@code generation}, ...).
 */
public record Candidate(String foundation, int component, String transport, long priority, String address,
        int port, String type, Map<String, String> extensions) {

    public static final String HOST = "host";

    /** RFC 6544 §4.5: the extension that says how a TCP candidate connects. */
    public static final String TCPTYPE = "tcptype";

    /** RFC 8445 §5.1.2.2: the recommended type preference of host candidates. */
    static final int HOST_TYPE_PREFERENCE = 126;

    public Candidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        if (component < 1 || component > 256 || port < 0 || port > 65535 || priority < 1
                || priority > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("candidate component, port or priority out of range");
        }
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * A UDP host candidate for RTP component 1 (all media is bundled and rtcp-muxed). The local preference
     * tells the addresses of one host apart (RFC 8445 §5.1.2.1), the foundation differs per base address
     * (RFC 8445 §5.1.1.3).
     */
    public static Candidate host(String foundation, String address, int port, int localPreference) {
        return new Candidate(foundation, 1, "udp", priority(HOST_TYPE_PREFERENCE, localPreference, 1), address,
                port, HOST, Map.of());
    }

    /**
     * A passive TCP host candidate (RFC 6544 §4.5): the client connects to it, the server never connects out,
     * as an ICE-lite agent offers no active candidates.
     */
    public static Candidate passiveTcpHost(String foundation, String address, int port, int localPreference) {
        return new Candidate(foundation, 1, "tcp", priority(HOST_TYPE_PREFERENCE, localPreference, 1), address,
                port, HOST, Map.of(TCPTYPE, "passive"));
    }

    /** RFC 8445 §5.1.2.1: priority = 2^24 * type preference + 2^8 * local preference + (256 - component). */
    public static long priority(int typePreference, int localPreference, int component) {
        return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - component);
    }

    static Candidate parse(String value) throws SdpParseException {
        String[] t = SdpTokens.split(value);
        if (t.length < 8 || (t.length - 8) % 2 != 0) {
            throw new SdpParseException("a=candidate needs 'foundation component transport priority address "
                    + "port typ type' followed by name/value pairs");
        }
        if (!"typ".equals(t[6])) {
            throw new SdpParseException("a=candidate expected 'typ' before the candidate type, found '" + t[6]
                    + "'");
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        for (int i = 8; i < t.length; i += 2) {
            if (extensions.putIfAbsent(t[i], t[i + 1]) != null) {
                throw new SdpParseException("a=candidate repeats extension '" + t[i] + "'");
            }
        }
        return new Candidate(t[0],
                SdpTokens.parseInt(t[1], 1, 256, "candidate component"),
                t[2],
                SdpTokens.parseLong(t[3], 1, 0xFFFFFFFFL, "candidate priority"),
                t[4],
                SdpTokens.parseInt(t[5], 0, 65535, "candidate port"),
                t[7],
                extensions);
    }

    /** The attribute value, also the {@code candidate:} string of a trickled candidate without the prefix. */
    public String sdpValue() {
        StringBuilder b = new StringBuilder();
        b.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port).append(" typ ")
                .append(type);
        extensions.forEach((name, value) -> b.append(' ').append(name).append(' ').append(value));
        return b.toString();
    }
}
