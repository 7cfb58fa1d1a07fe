package dev.calls.load.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.calls.load.signaling.Signaling;
import dev.calls.load.signaling.SignalingException;
import dev.calls.load.signaling.SignalingListener;
import dev.calls.load.signaling.SignalingSession;
import dev.calls.media.dtls.DatagramQueue;
import dev.calls.media.dtls.SrtpTlsClient;
import dev.calls.media.rtp.PictureLossIndication;
import dev.calls.media.rtp.RtcpMux;
import dev.calls.media.sdp.Candidate;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.srtp.SrtpReceiver;
import dev.calls.media.srtp.SrtpSender;
import dev.calls.media.transport.PacketKind;

/**
 * One simulated browser in a call: joins through {@link Signaling}, offers, connects to the server's
 * ICE-lite candidate with its own socket (ICE checks, then a DTLS client handshake, then SRTP), answers the
 * server's offers, sends its media if it is a speaker or sharer, and counts, decrypts and times what the
 * server forwards to it.
 *
 * <p>Threads: datagrams arrive on its network thread only ({@link #onDatagram}); media and ICE timers run
 * on the shared scheduler; the handshake on a handshake thread; signaling events on the signaling's
 * thread. The SRTP sender is shared by the audio and screen timers and guarded by {@code sendLock}; the
 * receive state belongs to the network thread.
 */
public final class SimulatedParticipant implements SignalingListener {

    private static final Logger LOG = Logger.getLogger(SimulatedParticipant.class);
    /** RFC 8445 §14.2 paces checks at Ta ≥ 5 ms; browsers start at 50 ms, which keeps a join storm gentle. */
    private static final long CHECK_INTERVAL_MILLIS = 50;
    /** RFC 7675 §5.1: consent checks every 4–6 s (5 s on average, randomized by the start offset). */
    private static final long CONSENT_INTERVAL_MILLIS = 5000;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    /** A server's flight is a handful of records; more waiting than this means the handshake thread is behind. */
    private static final int HANDSHAKE_QUEUE_DATAGRAMS = 16;
    public static final long AUDIO_FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    static final int AUDIO_FRAMES_PER_SECOND = (int) (TimeUnit.SECONDS.toNanos(1) / AUDIO_FRAME_NANOS);
    private static final int AUDIO_SAMPLES_PER_FRAME = 960;

    private final int index;
    private final String callName;
    private final Signaling signaling;
    private final ParticipantRole role;
    private final ClientContext context;
    private final ClientIdentity identity;
    private final long sdpSessionId;
    private final Object sendLock = new Object();
    private final byte[] checkBuffer = new byte[512];
    private final byte[] sendBuffer = new byte[1500];
    private final byte[] rtcpBuffer = new byte[128];
    private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
    private InboundStream[] streams = new InboundStream[0];
    private final RtpPacket inbound = new RtpPacket();
    private long sdpVersion;

    private volatile SignalingSession session;
    private volatile UdpEndpoint endpoint;
    private volatile IceChecks ice;
    private volatile ServerTransport server;
    private volatile DatagramQueue handshake;
    private volatile SrtpSender srtpOut;
    private volatile SrtpReceiver srtpIn;
    private volatile boolean iceSucceeded;
    private volatile long joinStartedNanos;
    private volatile long joinRepliedNanos;
    private volatile long answeredNanos;
    private volatile long connectedNanos;
    private volatile long firstMediaNanos;
    private volatile String failure;
    private volatile boolean leaving;
    private volatile UplinkImpairment impairment;
    private volatile ScreenSender screen;
    private volatile boolean answersNacks = true;
    private volatile boolean watchesFrames;
    private long receivedRtp;

    public SimulatedParticipant(int index, String callName, ParticipantRole role, Signaling signaling,
            ClientContext context) {
        this.index = index;
        this.callName = callName;
        this.role = role;
        this.context = context;
        this.identity = ClientIdentity.generate(context.random(), context.certificate(), role.sharer());
        this.sdpSessionId = context.random().nextLong() & Long.MAX_VALUE;
        this.signaling = signaling;
    }

    /** Signs in, joins and sends the offer; the rest happens on events. Call once, on any thread. */
    public void join() {
        joinStartedNanos = System.nanoTime();
        try {
            SignalingSession joined = signaling.join(callName, index, this);
            joinRepliedNanos = System.nanoTime();
            if (joined.joinSentNanos() >= 0) {
                joinStartedNanos = joined.joinSentNanos();
            }
            session = joined;
            if (role.sharer()) {
                joined.screenOn(identity.screenStreamId());
            }
            joined.sendOffer(ClientOffer.write(identity, role.speaker(), sdpSessionId, nextSdpVersion()));
        } catch (SignalingException | RuntimeException e) {
            fail("join: " + e.getMessage());
        }
    }

    private synchronized long nextSdpVersion() {
        return ++sdpVersion;
    }

    @Override
    public void onAnswer(String sdp) {
        if (server != null) {
            return;
        }
        answeredNanos = System.nanoTime();
        try {
            ServerTransport transport = ServerTransport.of(sdp, context.iceTcp());
            server = transport;
            ice = new IceChecks(identity.ice().ufrag(), transport, ThreadLocalRandom.current());
            endpoint = context.iceTcp() ? context.network().openTcp(transport.address(), this::onDatagram)
                    : context.network().open(transport.address(), this::onDatagram);
            handshake = new DatagramQueue(HANDSHAKE_QUEUE_DATAGRAMS, endpoint::send);
        } catch (Exception e) {
            fail("answer: " + e.getMessage());
            return;
        }
        trickleCandidate();
        timers.add(context.scheduler().scheduleAtFixedRate(this::checkUntilConnected, 0, CHECK_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS));
    }

    /**
     * Trickles the socket's one host candidate and the end of candidates, as a browser does after its offer
     * (RFC 8838 §4); local preference 65535, the highest, as it is the only address. Over ICE-TCP only the end:
     * the connection is the candidate, and the ICE-lite server learns it from the checks either way.
     */
    private void trickleCandidate() {
        InetSocketAddress local = endpoint.localAddress();
        SignalingSession current = session;
        if (local != null && current != null) {
            if (!context.iceTcp()) {
                current.sendCandidate("candidate:"
                        + Candidate.host("1", local.getAddress().getHostAddress(), local.getPort(), 65535).sdpValue());
            }
            current.sendCandidate("");
        }
    }

    @Override
    public void onOffer(String sdp) {
        SignalingSession current = session;
        if (current == null) {
            return;
        }
        try {
            current.sendAnswer(ClientAnswer.to(sdp, identity, role.speaker(), sdpSessionId, nextSdpVersion()));
        } catch (SignalingException | RuntimeException e) {
            fail("answering a server offer: " + e.getMessage());
        }
    }

    @Override
    public void onClosed(String reason) {
        fail("closed by the server: " + reason);
    }

    // ---- ICE and DTLS ------------------------------------------------------------------------------

    private void checkUntilConnected() {
        if (iceSucceeded || failure != null) {
            throw new CancelTimer();
        }
        if (System.nanoTime() - joinStartedNanos > TimeUnit.MILLISECONDS.toNanos(HANDSHAKE_TIMEOUT_MILLIS)) {
            fail("ICE: no answer to connectivity checks");
            throw new CancelTimer();
        }
        sendCheck();
    }

    private void sendCheck() {
        synchronized (checkBuffer) {
            endpoint.send(checkBuffer, 0, ice.writeCheck(checkBuffer));
        }
    }

    private void onIceSuccess() {
        if (iceSucceeded) {
            return;
        }
        iceSucceeded = true;
        long offset = ThreadLocalRandom.current().nextLong(CONSENT_INTERVAL_MILLIS);
        timers.add(context.scheduler().scheduleAtFixedRate(this::sendCheck, offset, CONSENT_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS));
        context.handshakes().execute(this::handshake);
    }

    private void handshake() {
        SrtpTlsClient client = new SrtpTlsClient(identity.certificate(), server.fingerprint(), HANDSHAKE_TIMEOUT_MILLIS,
                context.srtpProfiles());
        try {
            client.connect(handshake);
        } catch (IOException | RuntimeException e) {
            fail("DTLS: " + e);
            return;
        } finally {
            handshake.close();
        }
        DtlsSrtpKeys keys = client.keys();
        srtpIn = new SrtpReceiver(keys.remote());
        srtpOut = new SrtpSender(keys.local());
        connectedNanos = System.nanoTime();
        startMedia();
    }

    private void startMedia() {
        try {
            if (role.speaker()) {
                session.unmute();
                RtpWriter audio = new RtpWriter(identity.audioSsrc(), ClientOffer.OPUS_PAYLOAD_TYPE, ClientOffer.AUDIO_MID,
                        true, ThreadLocalRandom.current().nextInt(0x10000));
                int[] timestamp = {ThreadLocalRandom.current().nextInt()};
                int packets = role.audioPacketsPerFrame();
                timers.add(context.scheduler().scheduleAtFixedRate(() -> {
                    MediaShape shape = context.media();
                    for (int i = 0; i < packets; i++) {
                        int payload = ThreadLocalRandom.current().nextInt(shape.audioPayloadMin(), shape.audioPayloadMax() + 1);
                        send(audio, timestamp[0], false, payload, shape.audioLevel());
                        timestamp[0] += AUDIO_SAMPLES_PER_FRAME / packets;
                    }
                }, Math.floorMod(role.audioPhaseNanos() - System.nanoTime(), AUDIO_FRAME_NANOS), AUDIO_FRAME_NANOS,
                        TimeUnit.NANOSECONDS));
            }
            if (role.sharer()) {
                startScreen();
            }
        } catch (SignalingException e) {
            fail("unmute: " + e.getMessage());
        }
    }

    /** The screen share's frames at the configured rate ({@link ScreenSender}). */
    private void startScreen() {
        MediaShape shape = context.media();
        RtpWriter video = new RtpWriter(identity.screenSsrc(), ClientOffer.VP8_PAYLOAD_TYPE, ClientOffer.SCREEN_MID,
                false, ThreadLocalRandom.current().nextInt(0x10000));
        ScreenSender sender = new ScreenSender(video, identity.screenSsrc(), ThreadLocalRandom.current().nextInt(), shape,
                srtpOut, sendLock, this::transmit, index, context.stats());
        sender.answerNacks(answersNacks);
        screen = sender;
        timers.add(context.scheduler().scheduleAtFixedRate(sender::sendFrame, 0, 1_000_000L / shape.screenFps(),
                TimeUnit.MICROSECONDS));
    }

    private void send(RtpWriter writer, int timestamp, boolean marker, int payloadLength, int level) {
        synchronized (sendLock) {
            int length = writer.write(sendBuffer, timestamp, marker, payloadLength, level, index, System.nanoTime());
            int protectedLength = srtpOut.protectRtp(sendBuffer, 0, length);
            if (protectedLength > 0) {
                transmit(sendBuffer, 0, protectedLength, false);
                context.stats().rtpSent.increment();
            }
        }
    }

    /** Sends protected media on its uplink: through the impairment when there is one. */
    private void transmit(byte[] buf, int off, int len, boolean repeat) {
        UplinkImpairment lossy = impairment;
        if (lossy == null) {
            endpoint.send(buf, off, len);
        } else {
            lossy.send(endpoint, buf, off, len, repeat);
        }
    }

    // ---- Receiving (network thread) ----------------------------------------------------------------

    private void onDatagram(byte[] buf, int off, int len, long nowNanos) {
        switch (PacketKind.of(buf[off])) {
            case STUN -> {
                if (ice.onResponse(buf, off, len)) {
                    onIceSuccess();
                }
            }
            case DTLS -> {
                if (srtpIn == null) {
                    handshake.offer(buf, off, len);
                }
            }
            case RTP_OR_RTCP -> onSrtp(buf, off, len, nowNanos);
            default -> {
                // RFC 7983: nothing else is expected from the server.
            }
        }
    }

    private void onSrtp(byte[] buf, int off, int len, long nowNanos) {
        SrtpReceiver receiver = srtpIn;
        if (receiver == null) {
            return;
        }
        if (RtcpMux.isRtcp(buf, off, len)) {
            context.stats().rtcpReceived.increment();
            ScreenSender sharing = screen;
            if (sharing != null) {
                int plain = receiver.unprotectRtcp(buf, off, len);
                if (plain > 0) {
                    sharing.onRtcp(buf, off, plain);
                }
            }
            return;
        }
        if (!inbound.wrap(buf, off, len)) {
            return;
        }
        if (firstMediaNanos == 0) {
            firstMediaNanos = nowNanos;
        }
        InboundStream stream = stream(inbound.ssrc());
        long sequence = stream.onPacket(inbound.sequenceNumber());
        if (receivedRtp++ % context.decryptEvery() != 0) {
            return;
        }
        int plain = receiver.unprotectRtp(buf, off, len);
        if (plain < 0) {
            context.stats().authFailures.increment();
            return;
        }
        context.stats().decrypted.increment();
        if (!inbound.wrap(buf, off, plain) || inbound.payloadLength() < Probe.LENGTH) {
            context.stats().corrupted.increment();
            return;
        }
        if (stream.onDecrypted(inbound, sequence, nowNanos)) {
            requestKeyframe(stream.ssrc());
        }
        int probe = inbound.payloadOffset() + inbound.payloadLength() - Probe.LENGTH;
        long sent = Probe.nanos(buf, probe);
        if (sent > nowNanos || nowNanos - sent > TimeUnit.SECONDS.toNanos(60)) {
            context.stats().corrupted.increment();
            return;
        }
        context.stats().recordLatency(nowNanos - sent);
    }

    /** Sends the server a PLI for a source it forwards (RFC 4585 §6.3.1), from the network thread. */
    private void requestKeyframe(int mediaSsrc) {
        synchronized (sendLock) {
            int length = PictureLossIndication.write(rtcpBuffer, 0, identity.audioSsrc(), mediaSsrc);
            int protectedLength = srtpOut.protectRtcp(rtcpBuffer, 0, length);
            if (protectedLength > 0) {
                endpoint.send(rtcpBuffer, 0, protectedLength);
            }
        }
    }

    private InboundStream stream(int ssrc) {
        InboundStream[] current = streams;
        for (InboundStream stream : current) {
            if (stream.ssrc == ssrc) {
                return stream;
            }
        }
        InboundStream added = new InboundStream(ssrc, watchesFrames);
        InboundStream[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = added;
        streams = grown;
        return added;
    }

    // ---- State for the runner ----------------------------------------------------------------------

    /** The sources received so far; the array is replaced, never changed, when one is added. */
    public InboundStream[] streams() {
        return streams;
    }

    public boolean isConnected() {
        return connectedNanos != 0;
    }

    public String failure() {
        return failure;
    }

    /** From the join request to SRTP keys (signaling, offer/answer, ICE, DTLS); -1 while not connected. */
    public long joinNanos() {
        return connectedNanos == 0 ? -1 : connectedNanos - joinStartedNanos;
    }

    /** From the join request to its reply (the session exists on the server); -1 before. */
    public long joinReplyNanos() {
        return joinRepliedNanos == 0 ? -1 : Math.max(0, joinRepliedNanos - joinStartedNanos);
    }

    /** From the join request to the server's answer to its offer; -1 before. */
    public long joinToAnswerNanos() {
        return answeredNanos == 0 ? -1 : Math.max(0, answeredNanos - joinStartedNanos);
    }

    /** From the join request to the first RTP packet the server forwarded to it; -1 while none has come. */
    public long joinToMediaNanos() {
        return firstMediaNanos == 0 ? -1 : firstMediaNanos - joinStartedNanos;
    }

    public int index() {
        return index;
    }

    /** The SSRC of its audio, as its receivers' {@link InboundStream#ssrc()} names it. */
    public int audioSsrc() {
        return identity.audioSsrc();
    }

    public ParticipantRole role() {
        return role;
    }

    public String callName() {
        return callName;
    }

    /** Sends its media through {@code lossy} from now on; before it joins. */
    public void impairUplink(UplinkImpairment lossy) {
        impairment = lossy;
    }

    /**
     * Whether its screen share answers the server's NACKs (the default): off, their packets are not sent
     * again, and the viewers see only what the uplink let through and the keyframes asked for.
     */
    public void answerNacks(boolean answer) {
        answersNacks = answer;
        ScreenSender sharing = screen;
        if (sharing != null) {
            sharing.answerNacks(answer);
        }
    }

    /** What its screen share received of the server's feedback so far; all zero when it shares none. */
    public UplinkFeedback uplinkFeedback() {
        ScreenSender sharing = screen;
        return sharing == null ? new UplinkFeedback(0, 0, 0) : sharing.feedback();
    }

    /** Assembles the frames of the video it receives from now on ({@link InboundStream#shownFrames()}); before it joins. */
    public void watchFrames() {
        watchesFrames = true;
    }

    public long sendFailures() {
        UdpEndpoint out = endpoint;
        return out == null ? 0 : out.sendFailures();
    }

    /** Stops sending and checking, leaves the call, closes the socket. */
    public void leave() {
        leaving = true;
        for (ScheduledFuture<?> timer : timers) {
            timer.cancel(false);
        }
        SignalingSession current = session;
        if (current != null) {
            current.leave();
        }
        UdpEndpoint out = endpoint;
        if (out != null) {
            out.close();
        }
    }

    private void fail(String reason) {
        if (failure == null && !leaving) {
            failure = reason;
            LOG.debugf("participant %d of %s failed: %s", index, callName, reason);
            for (ScheduledFuture<?> timer : timers) {
                timer.cancel(false);
            }
        }
    }

    /** Thrown by a fixed-rate timer to stop itself (the executor then never runs it again). */
    private static final class CancelTimer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelTimer() {
            super(null, null, false, false);
        }
    }
}
