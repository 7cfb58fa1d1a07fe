package dev.calls.media.sdp;

import java.util.Objects;

/**
 * The {@code o=} line (RFC 8866 §5.2). Session id and version are kept as text because implementations
 * write numbers of any length; JSEP (RFC 8829 §5.2.1) only needs the version to grow between
 * descriptions of one session.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
        String address) {

    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addrType, "addrType");
        Objects.requireNonNull(address, "address");
    }

    /** The origin a JSEP endpoint writes (RFC 8829 §5.2.1): no user name, no meaningful address. */
    public static Origin local(long sessionId, long sessionVersion) {
        return new Origin("-", Long.toString(sessionId), Long.toString(sessionVersion), "IN", "IP4", "127.0.0.1");
    }

    static Origin parse(String value) throws SdpParseException {
        String[] t = SdpTokens.split(value);
        if (t.length != 6) {
            throw new SdpParseException("o= needs 6 fields (username sess-id sess-version nettype addrtype "
                    + "address), found " + t.length);
        }
        return new Origin(t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    String sdpValue() {
        return username + ' ' + sessionId + ' ' + sessionVersion + ' ' + netType + ' ' + addrType + ' ' + address;
    }
}
