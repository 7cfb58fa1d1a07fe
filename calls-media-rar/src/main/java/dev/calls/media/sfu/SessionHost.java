package dev.calls.media.sfu;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;

import dev.calls.media.MediaEventSink;
import dev.calls.media.dtls.DtlsCertificate;

/** What a participant's media session needs from the engine that hosts it. */
public interface SessionHost {

    MediaEventSink events();

    DtlsCertificate certificate();

    /** Runs DTLS handshakes: never a receive thread, and never blocks the caller (refuses when full). */
    Executor handshakes();

    /** The addresses put in host candidates, most preferred first. */
    List<String> advertisedAddresses();

    int udpPort();

    /** The ICE-TCP port (RFC 6544) for passive TCP candidates, 0 for none. */
    int iceTcpPort();

    long rtcConnectTimeoutNanos();

    long consentTimeoutNanos();

    int nackHistoryPackets();

    /** The forwarding workers that encrypt and send media to subscribers. */
    Forwarding forwarding();

    /** An ICE restart gave the participant this new local ufrag: route checks that name it to the participant. */
    void ufragIssued(String localUfrag, Participant participant);

    /** The participant no longer answers checks naming this local ufrag: they are a stranger's (401) again. */
    void ufragRetired(String localUfrag, Participant participant);

    /**
     * An ICE restart moved the participant's media to {@code path}: its other addresses, and its ICE-TCP
     * connections from elsewhere, no longer reach it.
     */
    void pathSwitched(InetSocketAddress path, Participant participant);

    /** The handshake pool refused to start a session's DTLS handshake (all threads and queue slots taken). */
    void handshakeRefused();

    /** ICE and DTLS completed, {@code connectNanos} after the answer. */
    void sessionConnected(Participant participant, long connectNanos);

    /** The participant's session ended ({@link Participant#closeReason()} says why): forget its ufrags and addresses. */
    void sessionClosed(Participant participant);
}
