package dev.calls.media.sdp;

/** {@code a=setup} (RFC 4145 §4, RFC 8842 §5.1): which side starts the DTLS handshake. */
public enum SetupRole {
    /** Starts the handshake: the DTLS client. */
    ACTIVE("active"),
    /** Waits for the handshake: the DTLS server. The SFU is always passive. */
    PASSIVE("passive"),
    /** Either role; what an offerer writes (RFC 8842 §5.2). */
    ACTPASS("actpass"),
    HOLDCONN("holdconn");

    private final String token;

    SetupRole(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    static SetupRole parse(String value) throws SdpParseException {
        String v = SdpTokens.trim(value);
        for (SetupRole role : values()) {
            if (role.token.equalsIgnoreCase(v)) {
                return role;
            }
        }
        throw new SdpParseException("a=setup value '" + v + "' is not active, passive, actpass or holdconn");
    }
}
