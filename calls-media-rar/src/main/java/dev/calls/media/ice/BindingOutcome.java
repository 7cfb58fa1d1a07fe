package dev.calls.media.ice;

/** What {@link IceLiteResponder#respond} did with a datagram. */
public enum BindingOutcome {
    /**
     * A valid connectivity check: a Binding success response was written. This is the only outcome that
     * refreshes consent (RFC 7675 §5.1); see {@link IceLiteResponder#nominated()} for USE-CANDIDATE.
     */
    SUCCESS,
    /** The request was rejected: a Binding error response was written. */
    ERROR_RESPONSE,
    /**
     * A Binding indication (a keepalive, RFC 8445 §11): nothing to send, and no consent either, since an
     * indication is not authenticated.
     */
    INDICATION,
    /**
     * Silently dropped: malformed, without a correct FINGERPRINT, a response (a lite agent sends no
     * requests), or a method other than Binding. Nothing to send.
     */
    DISCARDED
}
