package dev.calls.media.dtls;

import dev.calls.media.srtp.DtlsSrtpKeys;

/**
 * Learns how the DTLS handshake of one {@link DtlsServer} ends. Exactly one of {@link #onConnected} and
 * {@link #onFailed} is called per server; {@link #onDisconnected} may follow {@link #onConnected}.
 * Called on the DTLS worker thread: hand long work elsewhere.
 */
public interface DtlsListener {

    /**
     * The handshake completed and SRTP keys were exported: {@code keys.local()} protects what this server
     * sends (the server write key and salt), {@code keys.remote()} unprotects what the client sends.
     */
    void onConnected(DtlsSrtpKeys keys);

    /**
     * The handshake failed, timed out, or the server was closed first.
     *
     * @param failure which of these it was
     * @param reason  a sentence for logs
     * @param cause   the underlying exception, or null
     */
    void onFailed(HandshakeFailure failure, String reason, Throwable cause);

    /**
     * After {@link #onConnected}, DTLS ended without {@link DtlsServer#close()}: the peer sent close_notify
     * or a fatal alert, or a record could not be processed. Called at most once.
     */
    void onDisconnected(String reason);
}
