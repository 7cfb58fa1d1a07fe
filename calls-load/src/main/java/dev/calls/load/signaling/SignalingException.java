package dev.calls.load.signaling;

/**
 * A signaling request failed: refused by the server (its error id in the message and in {@link #refusalId()})
 * or not delivered.
 */
public final class SignalingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String refusalId;

    public SignalingException(String message, Throwable cause) {
        super(message, cause);
        this.refusalId = null;
    }

    public SignalingException(String message) {
        this(message, (String) null);
    }

    /** The server refused the request with the contract's error {@code refusalId}. */
    public SignalingException(String message, String refusalId) {
        super(message);
        this.refusalId = refusalId;
    }

    /** The error id of the server's refusal; null when the request was not refused but failed otherwise. */
    public String refusalId() {
        return refusalId;
    }
}
