package dev.calls.media.ice;

/**
 * A datagram is not a well-formed STUN message (RFC 8489 §5, §14).
 *
 * <p>This is the only exception the STUN parsers throw on bad input. It carries no stack trace: it is
 * raised by packets from the network, possibly at a high rate, and the message says all there is to say.
 */
public final class StunParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public StunParseException(String message) {
        super(message, null, false, false);
    }
}
