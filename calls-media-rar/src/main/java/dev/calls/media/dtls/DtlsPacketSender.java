package dev.calls.media.dtls;

/**
 * Sends one DTLS datagram to the peer of a {@link DtlsServer}; the caller's transport implements it.
 * Called on the handshake worker thread, and from the thread calling {@link DtlsServer#close()} (for the
 * close_notify alert). The buffer is only valid during the call: send or copy it before returning.
 * Must not block for long and should not throw; a datagram that cannot be sent is simply lost, which
 * DTLS retransmission covers.
 */
@FunctionalInterface
public interface DtlsPacketSender {

    void send(byte[] buf, int off, int len);
}
