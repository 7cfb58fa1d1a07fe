package dev.calls.ejb.error;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the client should see: carries the HTTP status and the stable error id of the contract's
 * error body. Rolls the transaction back, so a refused request never leaves half its writes behind.
 */
@ApplicationException(rollback = true)
public class CallsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String id;
    private final long retryAfterSeconds;

    public CallsException(int status, String id, String message) {
        this(status, id, message, 0);
    }

    public CallsException(int status, String id, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.id = id;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static CallsException badRequest(String id, String message) {
        return new CallsException(400, id, message);
    }

    public static CallsException unauthorized(String id, String message) {
        return new CallsException(401, id, message);
    }

    public static CallsException forbidden(String id, String message) {
        return new CallsException(403, id, message);
    }

    public static CallsException notFound(String id, String message) {
        return new CallsException(404, id, message);
    }

    public static CallsException conflict(String id, String message) {
        return new CallsException(409, id, message);
    }

    public int status() {
        return status;
    }

    public String id() {
        return id;
    }

    /** Seconds the client should wait before retrying; 0 when retrying will not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
