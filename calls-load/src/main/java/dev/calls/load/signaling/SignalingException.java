package dev.calls.load.signaling;

/** A signaling request failed: refused by the server (its error id in the message) or not delivered. */
public final class SignalingException extends Exception {

    private static final long serialVersionUID = 1L;

    public SignalingException(String message, Throwable cause) {
        super(message, cause);
    }

    public SignalingException(String message) {
        super(message);
    }
}
