package dev.calls.media.api;

/** A refused engine command, with a stable error id the signaling layer passes on to the client. */
public class MediaException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String errorId;

    public MediaException(String errorId, String message) {
        super(message);
        this.errorId = errorId;
    }

    public MediaException(String errorId, String message, Throwable cause) {
        super(message, cause);
        this.errorId = errorId;
    }

    public String errorId() {
        return errorId;
    }
}
