package dev.calls.media.sfu;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import dev.calls.media.api.MediaException;
import dev.calls.media.dtls.DtlsFingerprint;
import dev.calls.media.dtls.DtlsListener;
import dev.calls.media.dtls.DtlsServer;
import dev.calls.media.dtls.FingerprintFormatException;
import dev.calls.media.ice.BindingOutcome;
import dev.calls.media.ice.ConsentFreshness;
import dev.calls.media.ice.IceCredentials;
import dev.calls.media.ice.IceLiteResponder;
import dev.calls.media.sdp.LocalParameters;
import dev.calls.media.sdp.TransportParameters;
import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.srtp.SrtpReceiver;
import dev.calls.media.srtp.SrtpSender;
import dev.calls.media.transport.Destination;
import dev.calls.media.transport.PacketSender;

/**
 * The transport of one media session: its ICE-lite responder and consent (RFC 8445, RFC 7675), its DTLS
 * server, the SRTP contexts the handshake exports (RFC 5764) and the client's validated address: a UDP
 * address of the media port, or an ICE-TCP connection (RFC 6544), which is checked, nominated and watched for
 * consent the same way.
 *
 * <p>An ICE restart (RFC 8445 §9, {@link IceGenerations}) changes the credentials and the path only: the
 * DTLS association and the SRTP contexts are kept, with no new handshake.
 *
 * <p>Threads: checks and SRTP arrive on the receive thread of the remote address; forwarded RTP is sent by
 * the session's forwarding worker, RTCP by the timer and keyframe requests, DTLS by the handshake. The SRTP
 * contexts are guarded by their own small locks, one per direction, private to this session (the receive
 * lock also guards the ICE responder); the session's signaling monitor is never taken here.
 */
final class SessionTransport {

    private final SessionHost host;
    private final DtlsListener dtlsListener;
    private final ConsentFreshness consent;
    private final Object receiveLock = new Object();
    private final Object sendLock = new Object();
    private final LongAdder srtpDrops = new LongAdder();

    private final IceGenerations ice;
    private volatile DtlsServer dtls;
    /** Whether the DTLS handshake got its thread; until then each new validated check tries to start it. */
    private volatile boolean handshakeStarted;
    private volatile SrtpReceiver srtpIn;
    private volatile SrtpSender srtpOut;
    /** The client's validated address, in both forms the sends take; made once per address change. */
    private volatile Destination remote;
    private volatile PacketSender remoteVia;

    SessionTransport(SessionHost host, DtlsListener dtlsListener, IceRoutes routes) {
        this.host = host;
        this.dtlsListener = dtlsListener;
        this.ice = new IceGenerations(routes);
        this.consent = new ConsentFreshness(Duration.ofNanos(host.consentTimeoutNanos()));
    }

    /** The ufrag of our latest description. */
    String localUfrag() {
        return ice.local().ufrag();
    }

    /** What the engine's SDP says of this transport: its latest ICE credentials, fingerprint and host candidates. */
    LocalParameters localParameters() {
        return localParameters(ice.local());
    }

    /** The same, with the ICE credentials {@link #answerCredentials} chose for an answer. */
    LocalParameters localParameters(IceCredentials credentials) {
        return new LocalParameters(credentials.ufrag(), credentials.password(), host.certificate().sdpFingerprint(),
                host.advertisedAddresses(), host.udpPort(), host.iceTcpPort());
    }

    /** The local ICE credentials an answer to this offer carries (see {@link IceGenerations#answerCredentials}). */
    IceCredentials answerCredentials(TransportParameters offered) throws MediaException {
        return ice.answerCredentials(offered);
    }

    long srtpDrops() {
        return srtpDrops.sum();
    }

    long dtlsDrops() {
        DtlsServer server = dtls;
        return server == null ? 0 : server.droppedDatagrams();
    }

    boolean iceCompleted() {
        return remote != null;
    }

    boolean consentExpired(long nowNanos) {
        return consent.isExpired(nowNanos);
    }

    /**
     * The client's transport parameters from an offer, answered with {@code local} (from
     * {@link #answerCredentials}): the first sets up ICE and the DTLS server, which waits for ICE to validate
     * the client's address; a later one with new credentials starts an ICE restart, replacing one not
     * completed yet.
     */
    void offered(TransportParameters transport, IceCredentials local) throws MediaException {
        if (ice.started()) {
            ice.offered(transport, local);
            return;
        }
        List<DtlsFingerprint> fingerprints;
        try {
            fingerprints = List.of(DtlsFingerprint.parse(transport.fingerprint().sdpValue()));
        } catch (FingerprintFormatException e) {
            throw new MediaException("invalid_sdp", "the offer's DTLS fingerprint is not usable: " + e.getMessage(), e);
        }
        ice.offered(transport, local);
        dtls = new DtlsServer(host.certificate(), fingerprints, this::sendDtls, dtlsListener, host.handshakes(),
                Duration.ofNanos(host.rtcConnectTimeoutNanos()));
    }

    /**
     * An ICE connectivity check (RFC 8445 §7.3); answered on the socket it came in on. Only an authenticated
     * check with a transaction id not seen before counts: it refreshes consent (RFC 7675) and moves the
     * media to its source address when it nominates (USE-CANDIDATE, RFC 8445 §7.3.1.5: NAT rebinding, ICE
     * restart) or when no address is known yet. A replayed check is answered like a retransmission but
     * changes nothing (see {@link IceLiteResponder#replayed()}). During a restart, a check naming the new
     * ufrag goes to the new responder; the first of those that nominates completes the restart
     * ({@link IceGenerations}).
     *
     * @return whether the check counted: its source address is then bound to this session
     */
    boolean onStun(ForwardBuffers buffers, byte[] buf, int off, int len, InetSocketAddress from, PacketSender via) {
        IceLiteResponder responder = ice.responderFor(buf, off, len);
        if (responder == null) {
            // No offer yet, so no remote credentials to check against: answered as a stranger's.
            buffers.refuseUnknownCheck(buf, off, len, from);
            return false;
        }
        BindingOutcome outcome;
        int length;
        boolean nominated;
        boolean replayed;
        synchronized (receiveLock) {
            outcome = responder.respond(buf, off, len, from, buffers.out, 0);
            length = responder.responseLength();
            nominated = responder.nominated();
            replayed = responder.replayed();
        }
        if (outcome == BindingOutcome.SUCCESS || outcome == BindingOutcome.ERROR_RESPONSE) {
            via.send(buffers.out, 0, length, from);
        }
        if (outcome != BindingOutcome.SUCCESS || replayed) {
            return false;
        }
        consent.recordConsent(System.nanoTime());
        if (ice.passed(responder, nominated, from) && (remote == null || nominated)) {
            remoteVia = via;
            remote = via.destinationFor(from, remote);
        }
        return true;
    }

    /**
     * Starts the DTLS handshake once ICE has validated the client's address, not at answer time: a session
     * whose client never completes ICE (or never meant to) then takes no handshake thread at all. When the
     * handshake pool refuses (all its threads and queue taken), the refusal is counted and the next
     * validated check tries again; the connect timeout still closes the session in the end.
     */
    void startHandshake() {
        DtlsServer server = dtls;
        if (handshakeStarted || server == null) {
            return;
        }
        if (server.start()) {
            handshakeStarted = true;
        } else {
            host.handshakeRefused();
        }
    }

    /** A DTLS record from a validated address: handed to the handshake, never processed on this thread. */
    void onDtls(byte[] buf, int off, int len) {
        DtlsServer server = dtls;
        if (server != null) {
            server.receive(buf, off, len);
        }
    }

    /** The handshake exported the keys (RFC 5764 §4.2): the client's write key protects what we receive. */
    void keysExported(DtlsSrtpKeys keys) {
        srtpIn = new SrtpReceiver(keys.remote());
        srtpOut = new SrtpSender(keys.local());
    }

    /**
     * Decrypts an SRTP or SRTCP packet in place.
     *
     * @return the plain length, or -1 when it was dropped (no keys yet, or it failed authentication or replay)
     */
    int unprotect(byte[] buf, int off, int len, boolean rtcp) {
        SrtpReceiver receiver = srtpIn;
        if (receiver == null) {
            srtpDrops.increment();
            return -1;
        }
        int plain;
        synchronized (receiveLock) {
            plain = rtcp ? receiver.unprotectRtcp(buf, off, len) : receiver.unprotectRtp(buf, off, len);
        }
        if (plain < 0) {
            srtpDrops.increment();
            return -1;
        }
        return plain;
    }

    /**
     * Sends another participant's packet to this one: copied, adapted to this session (its payload type and
     * header extension ids), encrypted, sent. Runs on this session's forwarding worker only.
     */
    void sendForwarded(ForwardBuffers buffers, byte[] buf, int off, int len, Subscription subscription) {
        SrtpSender sender = srtpOut;
        Destination to = remote;
        if (sender == null || to == null) {
            return;
        }
        byte[] out = buffers.out;
        System.arraycopy(buf, off, out, 0, len);
        if (!subscription.adapt(buffers.outRtp, out, len)) {
            return;
        }
        int protectedLength;
        synchronized (sendLock) {
            protectedLength = sender.protectRtp(out, 0, len);
        }
        if (protectedLength > 0) {
            buffers.send(protectedLength, to);
        }
    }

    /** Encrypts and sends an RTCP packet the engine wrote, from the calling thread. */
    void sendRtcp(byte[] packet, int length) {
        SrtpSender sender = srtpOut;
        Destination to = remote;
        PacketSender via = remoteVia;
        if (sender == null || to == null || via == null) {
            return;
        }
        int protectedLength;
        synchronized (sendLock) {
            protectedLength = sender.protectRtcp(packet, 0, length);
        }
        if (protectedLength > 0) {
            via.send(packet, 0, protectedLength, to.address());
        }
    }

    private void sendDtls(byte[] buf, int off, int len) {
        Destination to = remote;
        PacketSender via = remoteVia;
        if (to != null && via != null) {
            via.send(buf, off, len, to.address());
        }
    }

    /** Ends DTLS (a pending handshake fails, an established one sends close_notify). */
    void close() {
        DtlsServer server = dtls;
        if (server != null) {
            server.close();
        }
    }
}
