package dev.calls.media.dtls;

/** How a DTLS handshake failed, for the session to choose its close reason without reading log sentences. */
public enum HandshakeFailure {

    /** The server was closed before the handshake completed (the session ended first). */
    CLOSED,
    /** The client's certificate, fingerprint or extensions were refused (RFC 5763 §5, RFC 5764 §4.1). */
    REFUSED,
    /** BouncyCastle's handshake timeout ran out before the client's flights arrived. */
    TIMED_OUT,
    /** Any other failure: an alert sent or received, a record that could not be processed. */
    FAILED
}
