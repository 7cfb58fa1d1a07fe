package dev.calls.load.signaling;

/** Events of one session, as the contract's {@code signal} and {@code error} events carry them. */
public interface SignalingListener {

    /** The server's answer to the client's offer. */
    void onAnswer(String sdp);

    /** A server offer (tracks added or removed); the client answers with {@link SignalingSession#sendAnswer}. */
    void onOffer(String sdp);

    /** The server closed the session's media; {@code reason} as the contract's error ids (e.g. rtc_timeout). */
    void onClosed(String reason);
}
