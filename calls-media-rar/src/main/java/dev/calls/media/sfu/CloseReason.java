package dev.calls.media.sfu;

/** Why a media session ended: the detail of its CLOSED event, and the error id clients are given. */
public final class CloseReason {

    /** ICE and DTLS did not complete within rtcConnectTimeoutSeconds of the answer: UDP does not get through. */
    public static final String RTC_TIMEOUT = "rtc_timeout";
    /** No ICE consent check (RFC 7675) for consentTimeoutSeconds. */
    public static final String RTC_CONSENT_LOST = "rtc_consent_lost";
    /** The DTLS handshake failed, for example on a fingerprint that does not match the SDP. */
    public static final String DTLS_FAILED = "dtls_failed";
    /** The client closed DTLS (close_notify or a fatal alert). */
    public static final String DTLS_CLOSED = "dtls_closed";
    /** Closed on request (leave, removal by the host, end of call). */
    public static final String CLOSED = "closed";
    /** The engine is stopping. */
    public static final String ENGINE_STOPPED = "engine_stopped";

    private CloseReason() {
    }
}
