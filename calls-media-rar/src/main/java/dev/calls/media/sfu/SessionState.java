package dev.calls.media.sfu;

/** Where a media session is in its life; only ever moves forward, to CLOSED at the latest. */
enum SessionState {
    /** Opened: no offer taken yet, nothing on the wire. */
    NEW,
    /** The client's first offer is answered: ICE and DTLS have rtcConnectTimeoutSeconds to complete. */
    ANSWERED,
    /** SRTP keys exported: media flows, and the server may offer (renegotiate) forwarded tracks. */
    CONNECTED,
    /** Ended: refuses every command. */
    CLOSED
}
