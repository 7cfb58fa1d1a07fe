package dev.calls.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the server puts in every description it writes for one session: its ICE credentials, the
 * fingerprint of its DTLS certificate, and the addresses of its one UDP port.
 *
 * @param iceUfrag    4 to 256 ICE characters (RFC 8839 §5.4)
 * @param icePwd      22 to 256 ICE characters (RFC 8839 §5.4)
 * @param fingerprint the DTLS certificate fingerprint, normally sha-256
 * @param addresses   the host candidate addresses, most preferred first; the first is also the default
 *                    address of the m-lines
 * @param port        the one UDP port all sessions share
 */
public record LocalParameters(String iceUfrag, String icePwd, Fingerprint fingerprint, List<String> addresses,
        int port) {

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
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * One UDP host candidate per address (RFC 8839 §5.1), component 1 only since RTCP is muxed. Each
     * address gets its own foundation (RFC 8445 §5.1.1.3) and a lower local preference than the one
     * before it, so the first address is preferred (RFC 8445 §5.1.2.1).
     */
    public List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            candidates.add(Candidate.host(Integer.toString(i + 1), addresses.get(i), port, 65535 - i));
        }
        return candidates;
    }

    /** The m-section's connection line: the default candidate's address (RFC 8839 §4.2.1.2). */
    public Connection connection() {
        return Connection.of(addresses.get(0));
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
