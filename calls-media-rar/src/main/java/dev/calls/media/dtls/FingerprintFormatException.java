package dev.calls.media.dtls;

/** An SDP certificate fingerprint that is malformed or uses a hash function we do not support. */
public class FingerprintFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public FingerprintFormatException(String message) {
        super(message);
    }
}
