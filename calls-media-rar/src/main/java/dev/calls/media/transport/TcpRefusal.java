package dev.calls.media.transport;

/** Why the ICE-TCP port closed a connection it would not serve; each is counted ({@link TcpRefusals}). */
public enum TcpRefusal {
    /** Accepted while the most unauthenticated connections allowed were open: closed at once. */
    OVER_LIMIT,
    /** Its first packet was not an ICE check that authenticated for a session (garbage, or a foreign ufrag). */
    BAD_FIRST_PACKET,
    /** A frame announced a packet larger than the engine takes (RFC 4571 allows 65535 bytes; media is far less). */
    OVERSIZED_FRAME,
    /** No authenticated ICE check arrived within the ICE timeout (half-open, slow drip). */
    AUTH_TIMEOUT,
    /** The peer read too slowly: what waited to be sent outgrew the connection's send buffer. */
    SLOW_READER
}
