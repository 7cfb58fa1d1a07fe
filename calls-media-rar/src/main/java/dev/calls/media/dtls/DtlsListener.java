package dev.calls.media.dtls;

/**
 * Learns how the DTLS handshake of one {@link DtlsServer} ends. Exactly one of {@link #onConnected} and
 * {@link #onFailed} is called per server; {@link #onDisconnected} may follow {@link #onConnected}.
 * Called on the DTLS worker thread: hand long work elsewhere.
 */
public interface DtlsListener {

    /** The handshake completed and SRTP keys were exported. */
    void onConnected(DtlsSrtpKeys keys);

    /**
     * The handshake failed, timed out, or the server was closed first.
     *
     * @param reason a sentence for logs and the session's close reason
     * @param cause  the underlying exception, or null
     */
    void onFailed(String reason, Throwable cause);

    /**
     * After {@link #onConnected}, DTLS ended without {@link DtlsServer#close()}: the peer sent close_notify
     * or a fatal alert, or a record could not be processed. Called at most once.
     */
    void onDisconnected(String reason);
}
