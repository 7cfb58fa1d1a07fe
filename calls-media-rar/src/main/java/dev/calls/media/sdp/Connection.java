package dev.calls.media.sdp;

import java.util.Objects;

/** The {@code c=} line (RFC 8866 §5.7); the address keeps any /ttl or /count suffix as written. */
public record Connection(String netType, String addrType, String address) {

    public Connection {
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addrType, "addrType");
        Objects.requireNonNull(address, "address");
    }

    /** The placeholder JSEP writes when no address matters (RFC 8829 §5.2.1, §5.3.1). */
    public static final Connection UNSPECIFIED = new Connection("IN", "IP4", "0.0.0.0");

    /** A connection line for an address: IP6 when it contains a colon, else IP4 (a literal or a name). */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    static Connection parse(String value) throws SdpParseException {
        String[] t = SdpTokens.split(value);
        if (t.length != 3) {
            throw new SdpParseException("c= needs 3 fields (nettype addrtype address), found " + t.length);
        }
        return new Connection(t[0], t[1], t[2]);
    }

    String sdpValue() {
        return netType + ' ' + addrType + ' ' + address;
    }
}
