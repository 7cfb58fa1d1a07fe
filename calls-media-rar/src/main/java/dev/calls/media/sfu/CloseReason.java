package dev.calls.media.sfu;

/**
 * Why a media session ended. Its {@link #id()} is the detail of the CLOSED event and the error id clients
 * are given (CONTRACT.md): those strings are part of the contract and never change.
 */
public enum CloseReason {

    /** ICE and DTLS did not complete within rtcConnectTimeoutSeconds of the answer: UDP does not get through. */
    RTC_TIMEOUT("rtc_timeout"),
    /** No ICE consent check (RFC 7675) for consentTimeoutSeconds. */
    RTC_CONSENT_LOST("rtc_consent_lost"),
    /** The DTLS handshake failed, for example on a fingerprint that does not match the SDP. */
    DTLS_FAILED("dtls_failed"),
    /** The client closed DTLS (close_notify or a fatal alert). */
    DTLS_CLOSED("dtls_closed"),
    /**
     * Closed on request (leave, removal by the host, end of call): the CLOSED event carries the reason the
     * requester gave, which signaling sets to this id.
     */
    CLOSED("closed"),
    /** The engine is stopping. */
    ENGINE_STOPPED("engine_stopped");

    private final String id;

    CloseReason(String id) {
        this.id = id;
    }

    /** The reason as the CLOSED event and the client's error event name it. */
    public String id() {
        return id;
    }
}
