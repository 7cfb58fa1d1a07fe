package dev.calls.load.signaling;

/**
 * One participant's session in a call, seen from the client: the contract's {@code sdp}, {@code unmute},
 * {@code screen_on} and {@code leave} actions. The server's answers and offers come back through the
 * {@link SignalingListener} as {@code signal} events do.
 */
public interface SignalingSession {

    String sessionId();

    /** Sends the client's offer; the answer arrives at {@link SignalingListener#onAnswer}. */
    void sendOffer(String sdp) throws SignalingException;

    /** Answers a server offer received at {@link SignalingListener#onOffer}. */
    void sendAnswer(String sdp) throws SignalingException;

    void unmute() throws SignalingException;

    /** Announces the MediaStream id the client sends its screen in (before the offer that carries it). */
    void screenOn(String streamId) throws SignalingException;

    /**
     * Announces one of the client's ICE candidates (RFC 8839 §5.1 syntax, {@code candidate:...}); an empty
     * string ends them. The server is ICE-lite and learns the client's address from its checks (RFC 8445
     * §2.5), so nothing waits on this; a signaling without candidates ignores it.
     */
    default void sendCandidate(String candidate) {
    }

    /** {@link System#nanoTime()} when the join request left the client; -1 when the signaling cannot tell. */
    default long joinSentNanos() {
        return -1;
    }

    /** Leaves the call; idempotent, never throws. */
    void leave();
}
