package dev.calls.media.sfu;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import dev.calls.media.api.MediaEvent;
import dev.calls.media.api.MediaException;
import dev.calls.media.dtls.DtlsListener;
import dev.calls.media.dtls.HandshakeFailure;
import dev.calls.media.rtp.RtcpMux;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.transport.PacketSender;

/**
 * The media session of one participant of one call, composed of its {@link SessionTransport} (ICE, DTLS,
 * SRTP), its {@link SessionTracks} (published and received), its {@link RtcpRouter}, its
 * {@link Negotiation} (SDP and the session state) and its {@link SessionTimers}; it routes what arrives to
 * them and runs the session's life: connected, closed.
 *
 * <p>Threads: datagrams arrive on the receive thread of its remote address ({@link #onStun},
 * {@link #onDtls}, {@link #onSrtp}); the media it receives from others, and the retransmissions it asks
 * for, are encrypted and sent by its one forwarding worker ({@link #forwardWorker()}, {@link #sendForwarded});
 * signaling commands (offer, answer, mute, close) arrive on container threads and are serialized on the
 * negotiation's monitor, which the packet path never takes.
 */
public final class Participant {

    private static final Logger LOG = Logger.getLogger(Participant.class);

    private final SessionHost host;
    private final Call call;
    private final String sessionId;
    private final int forwardWorker;
    private final SessionTransport transport;
    private final SessionTracks tracks;
    private final RtcpRouter rtcp;
    private final Negotiation negotiation;
    private final SessionTimers timers;
    private final LongAdder rateDrops = new LongAdder();
    private final LastPacket lastPacket = new LastPacket(System.nanoTime());

    Participant(SessionHost host, Call call, String sessionId) {
        this.host = host;
        this.call = call;
        this.sessionId = sessionId;
        this.forwardWorker = host.forwarding().assign();
        this.transport = new SessionTransport(host, new DtlsOutcome(), new Routes());
        this.tracks = new SessionTracks(this, host);
        this.rtcp = new RtcpRouter(tracks, transport, host.forwarding(), forwardWorker);
        this.negotiation = new Negotiation(this, call, transport, tracks);
        this.timers = new SessionTimers(this, negotiation, transport, rtcp, host.rtcConnectTimeoutNanos());
    }

    public String sessionId() {
        return sessionId;
    }

    public String callId() {
        return call.callId();
    }

    public String localUfrag() {
        return transport.localUfrag();
    }

    public boolean isConnected() {
        return negotiation.state() == SessionState.CONNECTED;
    }

    /** The forwarding worker that encrypts and sends everything forwarded to this session. */
    int forwardWorker() {
        return forwardWorker;
    }

    /** When the client was last heard (opened, or its last authenticated packet), in {@link System#nanoTime()} terms. */
    public long lastHeardNanos() {
        return lastPacket.atNanos();
    }

    public long srtpDrops() {
        return transport.srtpDrops();
    }

    /** Media packets of this session's tracks dropped for going over their track's rate limit. */
    public long rateDrops() {
        return rateDrops.sum();
    }

    /** One of this session's tracks sent a packet over its rate limit; it was dropped. */
    void rateLimited() {
        rateDrops.increment();
    }

    /** DTLS datagrams dropped before the handshake could take them (its queue was full). */
    public long dtlsDrops() {
        return transport.dtlsDrops();
    }

    /** Whether a connectivity check from the client passed: ICE got through, whatever DTLS did next. */
    public boolean iceCompleted() {
        return transport.iceCompleted();
    }

    /** Why the session ended; null while it is open. */
    public CloseReason closeReason() {
        return negotiation.closeReason();
    }

    PublishedTrack[] published() {
        return tracks.published();
    }

    // ---- Packet path -------------------------------------------------------------------------------

    /**
     * An ICE connectivity check (see {@link SessionTransport#onStun}); one that counts, once the offer is
     * answered, starts the DTLS handshake.
     *
     * @return whether it counted: the caller then routes the path it came on (its source address, or its
     *         ICE-TCP connection) to this session
     */
    public boolean onStun(ForwardBuffers buffers, byte[] buf, int off, int len, InetSocketAddress from,
            PacketSender via) {
        if (!transport.onStun(buffers, buf, off, len, from, via)) {
            return false;
        }
        if (negotiation.state() == SessionState.ANSWERED) {
            transport.startHandshake();
        }
        return true;
    }

    /** A DTLS record from a validated address: handed to the handshake, never processed on this thread. */
    public void onDtls(byte[] buf, int off, int len) {
        transport.onDtls(buf, off, len);
    }

    /** An SRTP or SRTCP packet from a validated address (RFC 5761 §4 tells them apart). */
    public void onSrtp(ForwardBuffers buffers, byte[] buf, int off, int len, long nowNanos) {
        boolean rtcpPacket = RtcpMux.isRtcp(buf, off, len);
        int plain = transport.unprotect(buf, off, len, rtcpPacket);
        if (plain < 0) {
            return;
        }
        lastPacket.arrived(nowNanos);
        if (rtcpPacket) {
            rtcp.route(buffers, buf, off, plain, nowNanos);
            return;
        }
        RtpPacket packet = buffers.rtp;
        if (!packet.wrap(buf, off, plain)) {
            return;
        }
        PublishedTrack track = tracks.publishedSsrc(packet.ssrc());
        if (track != null) {
            track.forward(packet, nowNanos);
        }
    }

    /** Sends another participant's packet to this one; runs on this session's forwarding worker only. */
    void sendForwarded(ForwardBuffers buffers, byte[] buf, int off, int len, Subscription subscription) {
        transport.sendForwarded(buffers, buf, off, len, subscription);
    }

    /** Asks this participant's client for a keyframe of one of its tracks (RFC 4585 §6.3.1). */
    void sendKeyframeRequest(int mediaSsrc) {
        rtcp.requestKeyframe(mediaSsrc);
    }

    /** Asks this participant's client to send lost packets of one of its tracks again (RFC 4585 §6.2.1). */
    void requestRetransmission(int mediaSsrc, int[] sequences, int count) {
        rtcp.requestRetransmission(mediaSsrc, sequences, count);
    }

    void voiceChanged(boolean speaking) {
        publish(speaking ? MediaEvent.Type.VOICE_ON : MediaEvent.Type.VOICE_OFF, null);
    }

    /** Called about every 100 ms: connect and consent timeouts, receiver reports to this publisher. */
    public void tick(long nowNanos) {
        timers.tick(nowNanos);
    }

    // ---- Signaling ---------------------------------------------------------------------------------

    /** Takes the client's offer, returns the answer (see {@link Negotiation#acceptOffer}). */
    public String acceptOffer(String offerText) throws MediaException {
        return negotiation.acceptOffer(offerText);
    }

    /** Takes the client's answer to the server's pending offer; the tracks it accepted start flowing. */
    public void acceptAnswer(String answerText) throws MediaException {
        negotiation.acceptAnswer(answerText);
    }

    /** Adds a section for another participant's track and offers it to the client. */
    void subscribe(PublishedTrack track) {
        negotiation.subscribe(track);
    }

    /** Stops forwarding a track that went away and takes its section out of use in the next offer. */
    void unsubscribe(PublishedTrack track) {
        negotiation.unsubscribe(track);
    }

    /** Gates this session's voice; the first unmute also offers the voice to the others. */
    public void setMuted(boolean mute) {
        List<PublishedTrack> firstHeard = SessionTracks.gateVoices(negotiation.mute(mute), mute);
        // The track is marked announced before the state is read, and connected() sets the state before it
        // reads the marks (both volatile), so either this call or connected() offers it, possibly both:
        // subscribing twice is a no-op.
        if (!firstHeard.isEmpty() && isConnected()) {
            call.published(this, firstHeard);
        }
    }

    public void setScreenStream(String streamId) {
        negotiation.setScreenStream(streamId);
    }

    // ---- Lifecycle ---------------------------------------------------------------------------------

    /**
     * The DTLS handshake exported the SRTP keys: media may flow. Package-private so that code holding keys
     * already (the forward-path benchmark) connects a session the same way, without a handshake.
     */
    void connected(DtlsSrtpKeys keys) {
        transport.keysExported(keys);
        if (!negotiation.connect()) {
            return;
        }
        host.sessionConnected(this, System.nanoTime() - negotiation.answeredAtNanos());
        LOG.debugf("session %s connected (%s)", sessionId, keys.profile());
        publish(MediaEvent.Type.CONNECTED, null);
        call.connected(this);
        negotiation.offerIfNeeded();
    }

    /** Ends the session: stops its media, tells the call and reports CLOSED with the reason's id. Idempotent. */
    public void close(CloseReason reason) {
        close(reason, reason.id());
    }

    /** Ends the session on request ({@link CloseReason#CLOSED}); the CLOSED event carries the requester's reason. */
    public void closeOnRequest(String reason) {
        close(CloseReason.CLOSED, reason);
    }

    private void close(CloseReason reason, String detail) {
        if (!negotiation.close(reason)) {
            return;
        }
        transport.close();
        tracks.releaseAll();
        call.left(this);
        host.sessionClosed(this);
        LOG.debugf("session %s closed: %s", sessionId, detail);
        publish(MediaEvent.Type.CLOSED, detail);
    }

    void publish(MediaEvent.Type type, String detail) {
        host.events().publish(new MediaEvent(type, call.callId(), sessionId, detail));
    }

    private final class Routes implements IceRoutes {

        @Override
        public void ufragIssued(String localUfrag) {
            host.ufragIssued(localUfrag, Participant.this);
        }

        @Override
        public void ufragRetired(String localUfrag) {
            host.ufragRetired(localUfrag, Participant.this);
        }

        @Override
        public void pathSwitched(InetSocketAddress path) {
            host.pathSwitched(path, Participant.this);
        }
    }

    private final class DtlsOutcome implements DtlsListener {

        @Override
        public void onConnected(DtlsSrtpKeys keys) {
            connected(keys);
        }

        @Override
        public void onFailed(HandshakeFailure failure, String reason, Throwable cause) {
            LOG.debugf("session %s: DTLS failed: %s", sessionId, reason);
            // A handshake that timed out before the session connected is the connect timeout, however late
            // ICE let it start: the client is told its UDP path failed (CONTRACT.md, rtc_timeout).
            close(negotiation.state() == SessionState.ANSWERED && failure == HandshakeFailure.TIMED_OUT
                    ? CloseReason.RTC_TIMEOUT : CloseReason.DTLS_FAILED);
        }

        @Override
        public void onDisconnected(String reason) {
            close(CloseReason.DTLS_CLOSED);
        }
    }

    @Override
    public String toString() {
        return "session " + sessionId + " of call " + call.callId();
    }
}
