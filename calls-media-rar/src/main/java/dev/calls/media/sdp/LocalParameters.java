package dev.calls.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the server puts in every description it writes for one session: its ICE credentials, the
 * fingerprint of its DTLS certificate, and the addresses of its one UDP port and of its ICE-TCP port.
 *
 * @param iceUfrag    4 to 256 ICE characters (RFC 8839 §5.4)
 * @param icePwd      22 to 256 ICE characters (RFC 8839 §5.4)
 * @param fingerprint the DTLS certificate fingerprint, normally sha-256
 * @param addresses   the host candidate addresses, most preferred first; the first is also the default
 *                    address of the m-lines
 * @param port        the one UDP port all sessions share
 * @param tcpPort     the ICE-TCP port all sessions share (RFC 6544), 0 for none
 */
public record LocalParameters(String iceUfrag, String icePwd, Fingerprint fingerprint, List<String> addresses,
        int port, int tcpPort) {

    /** RFC 6544 §4.2: the direction preference of a passive candidate on a host that is not behind a NAT. */
    static final int PASSIVE_DIRECTION_PREFERENCE = 4;

    public LocalParameters {
        checkIceChars(iceUfrag, 4, "ice-ufrag");
        checkIceChars(icePwd, 22, "ice-pwd");
        Objects.requireNonNull(fingerprint, "fingerprint");
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty() || addresses.size() > 65535) {
            throw new IllegalArgumentException("between 1 and 65535 candidate addresses are needed");
        }
        for (String address : addresses) {
            if (address.isEmpty() || SdpTokens.split(address).length != 1) {
                throw new IllegalArgumentException("candidate address must be one token: '" + address + "'");
            }
        }
        if (port < 1 || port > 65535 || tcpPort < 0 || tcpPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + port + ", " + tcpPort);
        }
    }

    /** Parameters without an ICE-TCP port. */
    public LocalParameters(String iceUfrag, String icePwd, Fingerprint fingerprint, List<String> addresses, int port) {
        this(iceUfrag, icePwd, fingerprint, addresses, port, 0);
    }

    /**
     * One UDP host candidate per address (RFC 8839 §5.1), component 1 only since RTCP is muxed. Each
     * address gets its own foundation (RFC 8445 §5.1.1.3) and a lower local preference than the one
     * before it, so the first address is preferred (RFC 8445 §5.1.2.1). With an ICE-TCP port, each address
     * also gets a passive TCP host candidate (RFC 6544 §4.5), its own foundation since its transport differs,
     * and the local preference RFC 6544 §4.2 gives it: 2^13 * direction preference + an order among the
     * addresses, which is always below a UDP candidate's, so a client uses TCP only where UDP fails.
     */
    public List<Candidate> candidates() {
        int count = addresses.size();
        List<Candidate> candidates = new ArrayList<>(tcpPort == 0 ? count : 2 * count);
        for (int i = 0; i < count; i++) {
            candidates.add(Candidate.host(Integer.toString(i + 1), addresses.get(i), port, 65535 - i));
        }
        for (int i = 0; tcpPort != 0 && i < count; i++) {
            int localPreference = (PASSIVE_DIRECTION_PREFERENCE << 13) + 8191 - Math.min(i, 8191);
            candidates.add(Candidate.passiveTcpHost(Integer.toString(count + i + 1), addresses.get(i), tcpPort,
                    localPreference));
        }
        return candidates;
    }

    /** The m-section's connection line: the default candidate's address (RFC 8839 §4.2.1.2). */
    public Connection connection() {
        return Connection.of(addresses.get(0));
    }

    /**
     * Starts an m-section of a description the server writes, with the server's transport: default
     * address, ICE credentials, fingerprint, the DTLS {@code setup} role (RFC 5763 §5: actpass in an
     * offer, passive in our answers so that the browser is the DTLS client) and rtcp-mux, which the
     * server always uses (RFC 8858).
     */
    MediaDescription.Builder section(String media, String proto, String mid, SetupRole setup) {
        return MediaDescription.builder(media, port, proto)
                .formats(List.of())
                .connection(connection())
                .mid(mid)
                .iceUfrag(iceUfrag)
                .icePwd(icePwd)
                .fingerprint(fingerprint)
                .setup(setup)
                .rtcpMux(true);
    }

    /**
     * Ends a section begun by {@link #section}: the send track's msid and ssrc lines when there is one,
     * then the server's candidates, which are all it has (hence end-of-candidates, RFC 8840).
     */
    MediaDescription finish(MediaDescription.Builder section, SendTrack track) {
        if (track != null) {
            SendTracks.describe(section, track);
        }
        candidates().forEach(section::candidate);
        return section.endOfCandidates(true).build();
    }

    /** RFC 8839 §5.4: ice-char = ALPHA / DIGIT / "+" / "/". */
    private static void checkIceChars(String value, int minLength, String what) {
        Objects.requireNonNull(value, what);
        if (value.length() < minLength || value.length() > 256) {
            throw new IllegalArgumentException(what + " must be " + minLength + " to 256 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/';
            if (!ok) {
                throw new IllegalArgumentException(what + " has a character outside ALPHA / DIGIT / + / /");
            }
        }
    }
}
