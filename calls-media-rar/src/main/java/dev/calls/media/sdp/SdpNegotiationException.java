package dev.calls.media.sdp;

/**
 * A well-formed session description that the server cannot negotiate with: an offer without BUNDLE or
 * rtcp-mux, missing ICE credentials or DTLS fingerprint, or an answer that does not match the offer.
 * The message says what is missing or wrong, in words a client developer can act on.
 */
public class SdpNegotiationException extends Exception {

    private static final long serialVersionUID = 1L;

    public SdpNegotiationException(String message) {
        super(message);
    }
}
