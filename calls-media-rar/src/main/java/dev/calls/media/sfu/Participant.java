package dev.calls.media.sfu;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import dev.calls.limits.Limit;
import dev.calls.media.api.MediaEvent;
import dev.calls.media.api.MediaException;
import dev.calls.media.dtls.DtlsFingerprint;
import dev.calls.media.dtls.DtlsListener;
import dev.calls.media.dtls.DtlsServer;
import dev.calls.media.dtls.FingerprintFormatException;
import dev.calls.media.dtls.HandshakeFailure;
import dev.calls.media.ice.BindingOutcome;
import dev.calls.media.ice.ConsentFreshness;
import dev.calls.media.ice.IceCredentials;
import dev.calls.media.ice.IceLiteResponder;
import dev.calls.media.rtp.FeedbackPacket;
import dev.calls.media.rtp.PictureLossIndication;
import dev.calls.media.rtp.RtcpMux;
import dev.calls.media.rtp.RtcpPacketType;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.sdp.AnswerBuilder;
import dev.calls.media.sdp.AnswerValidator;
import dev.calls.media.sdp.Codec;
import dev.calls.media.sdp.LocalParameters;
import dev.calls.media.sdp.MediaCapabilities;
import dev.calls.media.sdp.MediaKind;
import dev.calls.media.sdp.MediaSectionInfo;
import dev.calls.media.sdp.OfferBuilder;
import dev.calls.media.sdp.Origin;
import dev.calls.media.sdp.RemoteSource;
import dev.calls.media.sdp.SdpNegotiationException;
import dev.calls.media.sdp.SdpParseException;
import dev.calls.media.sdp.SdpParser;
import dev.calls.media.sdp.SdpWriter;
import dev.calls.media.sdp.SendTrack;
import dev.calls.media.sdp.SessionDescription;
import dev.calls.media.sdp.Transceiver;
import dev.calls.media.sdp.TransportParameters;
import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.srtp.SrtpReceiver;
import dev.calls.media.srtp.SrtpSender;
import dev.calls.media.transport.Destination;
import dev.calls.media.transport.UdpSender;

/**
 * The media session of one participant of one call: its ICE-lite responder, DTLS server and SRTP keys,
 * the tracks it publishes and those it receives, and the SDP negotiation that describes them.
 *
 * <p>Threads: datagrams arrive on the receive thread of its remote address ({@link #onStun},
 * {@link #onDtls}, {@link #onSrtp}); the media it receives from others, and the retransmissions it asks
 * for, are encrypted and sent by its one forwarding worker ({@link #forwardWorker()}, {@link #sendForwarded});
 * signaling commands (offer, answer, mute, close) arrive on container threads and are serialized on this
 * object's monitor, which the packet path never takes. SRTP contexts are guarded by their own small locks,
 * one per direction, private to this session (the send lock is shared only with the RTCP this session
 * sends from the timer and keyframe requests).
 */
public final class Participant {

    private static final Logger LOG = Logger.getLogger(Participant.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MediaCapabilities CAPABILITIES = MediaCapabilities.defaults();
    private static final long RECEIVER_REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final PublishedTrack[] NO_TRACKS = new PublishedTrack[0];
    private static final Subscription[] NO_SUBSCRIPTIONS = new Subscription[0];

    enum State { NEW, ANSWERED, CONNECTED, CLOSED }

    private final SessionHost host;
    private final Call call;
    private final String sessionId;
    private final IceCredentials localIce = IceCredentials.generate(RANDOM);
    private final ConsentFreshness consent;
    private final int rtcpSsrc = RANDOM.nextInt();
    private final long originId = RANDOM.nextLong() & Long.MAX_VALUE;
    private final Object receiveLock = new Object();
    private final Object sendLock = new Object();
    private final LongAdder srtpDrops = new LongAdder();
    private final LongAdder rateDrops = new LongAdder();
    private final HistoryBudget historyBudget = new HistoryBudget(Limit.NACK_HISTORY_KIB_PER_SESSION.value() * 1024L);
    private final int forwardWorker;

    private volatile State state = State.NEW;
    private volatile IceLiteResponder ice;
    private volatile DtlsServer dtls;
    /** Whether the DTLS handshake got its thread; until then each new validated check tries to start it. */
    private volatile boolean handshakeStarted;
    private volatile SrtpReceiver srtpIn;
    private volatile SrtpSender srtpOut;
    /** The client's validated address, in both forms the sends take; made once per address change. */
    private volatile Destination remote;
    private volatile UdpSender remoteVia;
    private volatile long answeredAtNanos;
    private volatile CloseReason closeReason;
    private volatile long nextReportNanos;
    private volatile PublishedTrack[] published = NO_TRACKS;
    private volatile Subscription[] receiving = NO_SUBSCRIPTIONS;

    // Negotiation state: guarded by this.
    private long originVersion;
    private boolean muted = true;
    private String screenStreamId;
    private SessionDescription localDescription;
    private SessionDescription pendingOffer;
    private boolean negotiationNeeded;
    private final List<Transceiver> transceivers = new ArrayList<>();
    private final Map<String, Subscription> awaitingAnswer = new HashMap<>();

    Participant(SessionHost host, Call call, String sessionId) {
        this.host = host;
        this.call = call;
        this.sessionId = sessionId;
        this.consent = new ConsentFreshness(Duration.ofNanos(host.consentTimeoutNanos()));
        this.forwardWorker = host.forwarding().assign();
    }

    public String sessionId() {
        return sessionId;
    }

    public String callId() {
        return call.callId();
    }

    public String localUfrag() {
        return localIce.ufrag();
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
    }

    /** The forwarding worker that encrypts and sends everything forwarded to this session. */
    int forwardWorker() {
        return forwardWorker;
    }

    public long srtpDrops() {
        return srtpDrops.sum();
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
        DtlsServer server = dtls;
        return server == null ? 0 : server.droppedDatagrams();
    }

    /** Whether a connectivity check from the client passed: ICE got through, whatever DTLS did next. */
    public boolean iceCompleted() {
        return remote != null;
    }

    /** Why the session ended; null while it is open. */
    public CloseReason closeReason() {
        return closeReason;
    }

    // ---- Packet path -------------------------------------------------------------------------------

    /**
     * An ICE connectivity check (RFC 8445 §7.3); answered on the socket it came in on. Only an authenticated
     * check with a transaction id not seen before counts: it refreshes consent (RFC 7675), binds its source
     * address to this session, moves the media there when it nominates (USE-CANDIDATE, RFC 8445 §7.3.1.5:
     * NAT rebinding, ICE restart) or when no address is known yet, and starts the DTLS handshake. A replayed
     * check is answered like a retransmission but changes nothing (see {@link IceLiteResponder#replayed()}).
     */
    public void onStun(ForwardBuffers buffers, byte[] buf, int off, int len, InetSocketAddress from, UdpSender via) {
        IceLiteResponder responder = ice;
        if (responder == null) {
            // No offer yet, so no remote credentials to check against: answered as a stranger's.
            buffers.refuseUnknownCheck(buf, off, len, from);
            return;
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
        if (outcome == BindingOutcome.SUCCESS && !replayed) {
            consent.recordConsent(System.nanoTime());
            host.addressValidated(from, this);
            if (remote == null || nominated) {
                remoteVia = via;
                if (remote == null || !remote.address().equals(from)) {
                    remote = new Destination(from);
                }
            }
            startHandshake();
        }
    }

    /**
     * Starts the DTLS handshake once ICE has validated the client's address, not at answer time: a session
     * whose client never completes ICE (or never meant to) then takes no handshake thread at all. When the
     * handshake pool refuses (all its threads and queue taken), the refusal is counted and the next
     * validated check tries again; the connect timeout still closes the session in the end.
     */
    private void startHandshake() {
        DtlsServer server = dtls;
        if (handshakeStarted || server == null || state != State.ANSWERED) {
            return;
        }
        if (server.start()) {
            handshakeStarted = true;
        } else {
            host.handshakeRefused();
        }
    }

    /** A DTLS record from a validated address: handed to the handshake, never processed on this thread. */
    public void onDtls(byte[] buf, int off, int len) {
        DtlsServer server = dtls;
        if (server != null) {
            server.receive(buf, off, len);
        }
    }

    /** An SRTP or SRTCP packet from a validated address (RFC 5761 §4 tells them apart). */
    public void onSrtp(ForwardBuffers buffers, byte[] buf, int off, int len, long nowNanos) {
        SrtpReceiver receiver = srtpIn;
        if (receiver == null) {
            srtpDrops.increment();
            return;
        }
        boolean rtcp = RtcpMux.isRtcp(buf, off, len);
        int plain;
        synchronized (receiveLock) {
            plain = rtcp ? receiver.unprotectRtcp(buf, off, len) : receiver.unprotectRtp(buf, off, len);
        }
        if (plain < 0) {
            srtpDrops.increment();
            return;
        }
        if (rtcp) {
            onRtcp(buffers, buf, off, plain, nowNanos);
            return;
        }
        RtpPacket packet = buffers.rtp;
        if (!packet.wrap(buf, off, plain)) {
            return;
        }
        PublishedTrack track = find(published, packet.ssrc());
        if (track != null) {
            track.forward(packet, nowNanos);
        }
    }

    private static PublishedTrack find(PublishedTrack[] tracks, int ssrc) {
        for (PublishedTrack track : tracks) {
            if (track.ssrc() == ssrc) {
                return track;
            }
        }
        return null;
    }

    private Subscription receivingSsrc(int ssrc) {
        for (Subscription subscription : receiving) {
            if (subscription.track().ssrc() == ssrc) {
                return subscription;
            }
        }
        return null;
    }

    /**
     * RTCP from this participant: feedback about the tracks it receives goes to their publishers (PLI, FIR)
     * or is answered from the packet history (NACK); sender reports feed the statistics of its own tracks.
     * Receiver reports, SDES, BYE, REMB and transport-wide feedback are not used.
     */
    private void onRtcp(ForwardBuffers buffers, byte[] buf, int off, int len, long nowNanos) {
        if (!buffers.compound.wrap(buf, off, len)) {
            return;
        }
        while (buffers.compound.next()) {
            int at = buffers.compound.packetOffset();
            int length = buffers.compound.packetLength();
            int type = buffers.compound.packetType();
            int fmt = buffers.compound.count();
            if (type == RtcpPacketType.SENDER_REPORT && buffers.senderReport.wrap(buf, at, length)) {
                PublishedTrack track = find(published, buffers.senderReport.senderSsrc());
                if (track != null) {
                    track.onSenderReport(buffers.senderReport.ntpTimestamp(), nowNanos);
                }
            } else if (type == RtcpPacketType.PAYLOAD_FEEDBACK && fmt == FeedbackPacket.FMT_PLI && buffers.pli.wrap(buf, at, length)) {
                keyframeWanted(buffers.pli.mediaSsrc(), nowNanos);
            } else if (type == RtcpPacketType.PAYLOAD_FEEDBACK && fmt == FeedbackPacket.FMT_FIR && buffers.fir.wrap(buf, at, length)) {
                for (int i = 0; i < buffers.fir.entryCount(); i++) {
                    keyframeWanted(buffers.fir.entrySsrc(i), nowNanos);
                }
            } else if (type == RtcpPacketType.TRANSPORT_FEEDBACK && fmt == FeedbackPacket.FMT_GENERIC_NACK
                    && buffers.nack.wrap(buf, at, length)) {
                retransmit(buffers, buffers.nack.mediaSsrc(), nowNanos);
            }
        }
    }

    private void keyframeWanted(int ssrc, long nowNanos) {
        Subscription subscription = receivingSsrc(ssrc);
        if (subscription != null) {
            subscription.track().requestKeyframe(nowNanos);
        }
    }

    /**
     * Answers a NACK (RFC 4585 §6.2.1) from the track's history: each packet is queued for this session's
     * forwarding worker, which encrypts it anew, so that only that thread sends this session's RTP.
     */
    private void retransmit(ForwardBuffers buffers, int ssrc, long nowNanos) {
        Subscription subscription = receivingSsrc(ssrc);
        if (subscription == null) {
            return;
        }
        int count = buffers.nack.lostSequences(buffers.lost);
        for (int i = 0; i < count; i++) {
            int length = subscription.track().copyFromHistory(buffers.lost[i], buffers.out);
            if (length > 0) {
                host.forwarding().offer(forwardWorker, subscription, buffers.out, 0, length, nowNanos);
            }
        }
    }

    /**
     * Sends another participant's packet to this one: copied, adapted to this session, encrypted, sent.
     * Runs on this session's forwarding worker only.
     */
    void sendForwarded(ForwardBuffers buffers, byte[] buf, int off, int len, Subscription subscription) {
        SrtpSender sender = srtpOut;
        Destination to = remote;
        if (sender == null || to == null) {
            return;
        }
        byte[] out = buffers.out;
        System.arraycopy(buf, off, out, 0, len);
        if (subscription.payloadType() >= 0 || subscription.extensionIds() != null) {
            RtpPacket packet = buffers.outRtp;
            if (!packet.wrap(out, 0, len)) {
                return;
            }
            if (subscription.payloadType() >= 0) {
                packet.setPayloadType(subscription.payloadType());
            }
            if (subscription.extensionIds() != null && packet.hasExtension()) {
                packet.extension().remapIds(subscription.extensionIds());
            }
        }
        int protectedLength;
        synchronized (sendLock) {
            protectedLength = sender.protectRtp(out, 0, len);
        }
        if (protectedLength > 0) {
            buffers.send(protectedLength, to);
        }
    }

    /** Asks this participant's client for a keyframe of one of its tracks (RFC 4585 §6.3.1). */
    void sendKeyframeRequest(int mediaSsrc) {
        byte[] packet = new byte[PictureLossIndication.MIN_LENGTH + 64];
        sendRtcp(packet, PictureLossIndication.write(packet, 0, rtcpSsrc, mediaSsrc));
    }

    private void sendRtcp(byte[] packet, int length) {
        SrtpSender sender = srtpOut;
        Destination to = remote;
        UdpSender via = remoteVia;
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

    void voiceChanged(boolean speaking) {
        publish(speaking ? MediaEvent.Type.VOICE_ON : MediaEvent.Type.VOICE_OFF, null);
    }

    // ---- Timers ------------------------------------------------------------------------------------

    /** Called about every 100 ms: connect and consent timeouts, receiver reports to this publisher. */
    public void tick(long nowNanos) {
        State current = state;
        if (current == State.ANSWERED && nowNanos - answeredAtNanos > host.rtcConnectTimeoutNanos()) {
            close(CloseReason.RTC_TIMEOUT);
        } else if (current == State.CONNECTED && consent.isExpired(nowNanos)) {
            close(CloseReason.RTC_CONSENT_LOST);
        } else if (current == State.CONNECTED && nowNanos - nextReportNanos >= 0) {
            nextReportNanos = nowNanos + RECEIVER_REPORT_INTERVAL_NANOS;
            for (PublishedTrack track : published) {
                byte[] report = new byte[128];
                sendRtcp(report, track.writeReceiverReport(report, rtcpSsrc, nowNanos));
            }
        }
    }

    // ---- Negotiation (signaling threads) -----------------------------------------------------------

    /**
     * Takes the client's offer, returns the answer; the first one also sets up ICE and the DTLS server, which
     * waits for ICE to validate the client's address.
     */
    public String acceptOffer(String offerText) throws MediaException {
        List<PublishedTrack> added = new ArrayList<>();
        List<PublishedTrack> removed = new ArrayList<>();
        String answerText;
        synchronized (this) {
            requireOpen();
            if (pendingOffer != null) {
                // Perfect negotiation: the server is the impolite peer; the client rolls back and answers ours.
                throw new MediaException("negotiation_glare", "the server's offer is pending: answer it first");
            }
            SessionDescription offer = parse(offerText);
            try {
                TransportParameters transport = TransportParameters.of(offer);
                List<MediaSectionInfo> sections = MediaSectionInfo.of(offer);
                requireSourcesWithinLimit(sections);
                for (MediaSectionInfo section : sections) {
                    if (!section.rejected() && section.kind().isRtp() && section.direction().sends()
                            && transceiverFor(section.mid()) == null) {
                        transceivers.add(Transceiver.receiving(section.mid(), section.kind()));
                    }
                }
                SessionDescription answer = new AnswerBuilder(localParameters(), CAPABILITIES)
                        .answer(offer, transceivers, nextOrigin());
                if (ice == null) {
                    startTransport(transport);
                } else {
                    ice.setRemoteUfrag(transport.iceUfrag());
                }
                localDescription = answer;
                updatePublished(sections, added, removed);
                answerText = SdpWriter.write(answer);
            } catch (SdpNegotiationException e) {
                throw new MediaException("invalid_sdp", e.getMessage(), e);
            }
            if (state == State.NEW) {
                state = State.ANSWERED;
                answeredAtNanos = System.nanoTime();
            }
        }
        if (isConnected()) {
            call.published(this, added);
        }
        call.unpublished(removed);
        return answerText;
    }

    /**
     * Refuses, before anything of it is kept, an offer announcing more sources than a session may publish
     * ({@link Limit#PUBLISHED_SOURCES_PER_SESSION}): every source is a published track with its statistics,
     * history and subscriptions in every other session. A sending section without {@code a=ssrc} counts as one.
     */
    private static void requireSourcesWithinLimit(List<MediaSectionInfo> sections) throws MediaException {
        int sources = 0;
        for (MediaSectionInfo section : sections) {
            if (!section.rejected() && section.kind().isRtp() && section.direction().sends()) {
                sources += Math.max(1, section.sources().size());
            }
        }
        int limit = Limit.PUBLISHED_SOURCES_PER_SESSION.value();
        if (sources > limit) {
            throw new MediaException("too_many_sources", "the offer announces " + sources
                    + " media sources; a session may publish at most " + limit);
        }
    }

    private void startTransport(TransportParameters transport) throws MediaException {
        List<DtlsFingerprint> fingerprints;
        try {
            fingerprints = List.of(DtlsFingerprint.parse(transport.fingerprint().sdpValue()));
        } catch (FingerprintFormatException e) {
            throw new MediaException("invalid_sdp", "the offer's DTLS fingerprint is not usable: " + e.getMessage(), e);
        }
        ice = new IceLiteResponder(localIce.ufrag(), localIce.password(), transport.iceUfrag());
        dtls = new DtlsServer(host.certificate(), fingerprints, this::sendDtls, new DtlsOutcome(), host.handshakes(),
                Duration.ofNanos(host.rtcConnectTimeoutNanos()));
    }

    private void sendDtls(byte[] buf, int off, int len) {
        Destination to = remote;
        UdpSender via = remoteVia;
        if (to != null && via != null) {
            via.send(buf, off, len, to.address());
        }
    }

    private static SessionDescription parse(String text) throws MediaException {
        if (text == null || text.isBlank()) {
            throw new MediaException("invalid_sdp", "the SDP is empty");
        }
        try {
            return SdpParser.parse(text);
        } catch (SdpParseException e) {
            throw new MediaException("invalid_sdp", e.getMessage(), e);
        }
    }

    private Transceiver transceiverFor(String mid) {
        for (Transceiver transceiver : transceivers) {
            if (transceiver.mid().equals(mid)) {
                return transceiver;
            }
        }
        return null;
    }

    /** Tracks the client announces it sends (a=ssrc with msid) become published tracks; vanished ones go. */
    private void updatePublished(List<MediaSectionInfo> sections, List<PublishedTrack> added,
            List<PublishedTrack> removed) {
        List<PublishedTrack> now = new ArrayList<>();
        for (MediaSectionInfo section : sections) {
            if (section.rejected() || !section.kind().isRtp() || !section.direction().sends()) {
                continue;
            }
            String codec = section.kind() == MediaKind.AUDIO ? Codec.OPUS : Codec.VP8;
            int payloadType = negotiatedPayloadType(section.mid(), codec);
            for (RemoteSource source : section.sources()) {
                PublishedTrack existing = find(published, (int) source.ssrc());
                if (existing != null) {
                    now.add(existing);
                } else if (payloadType >= 0) {
                    PublishedTrack track = new PublishedTrack(this, section.kind(), (int) source.ssrc(),
                            TrackIds.of(section.kind(), source.streamId(), screenStreamId, sessionId), payloadType,
                            section.audioLevelExtensionId(), section.midExtensionId(), host.nackHistoryPackets(),
                            historyBudget, host.forwarding());
                    track.setGated(track.isVoice() && muted);
                    now.add(track);
                    added.add(track);
                }
            }
        }
        for (PublishedTrack track : published) {
            if (!now.contains(track)) {
                track.release();
                removed.add(track);
            }
        }
        published = now.toArray(NO_TRACKS);
    }

    /** The payload type our answer accepted for the codec in that section, or -1 when it was not accepted. */
    private int negotiatedPayloadType(String mid, String codec) {
        for (MediaSectionInfo section : MediaSectionInfo.of(localDescription)) {
            if (mid.equals(section.mid()) && !section.rejected()) {
                return section.payloadType(codec);
            }
        }
        return -1;
    }

    /** Takes the client's answer to the server's pending offer; the tracks it accepted start flowing. */
    public void acceptAnswer(String answerText) throws MediaException {
        List<PublishedTrack> keyframesWanted = new ArrayList<>();
        synchronized (this) {
            requireOpen();
            if (pendingOffer == null) {
                throw new MediaException("no_offer_pending", "the server has no offer waiting for an answer");
            }
            SessionDescription answer = parse(answerText);
            try {
                AnswerValidator.check(pendingOffer, answer);
            } catch (SdpNegotiationException e) {
                throw new MediaException("invalid_sdp", e.getMessage(), e);
            }
            localDescription = pendingOffer;
            pendingOffer = null;
            for (MediaSectionInfo section : MediaSectionInfo.of(answer)) {
                Subscription subscription = awaitingAnswer.remove(section.mid());
                if (subscription != null && !section.rejected()) {
                    startReceiving(subscription);
                    if (subscription.track().kind() == MediaKind.VIDEO) {
                        keyframesWanted.add(subscription.track());
                    }
                }
            }
            offerIfNeeded();
        }
        long now = System.nanoTime();
        for (PublishedTrack track : keyframesWanted) {
            track.requestKeyframe(now);
        }
    }

    private void startReceiving(Subscription subscription) {
        Subscription[] current = receiving;
        Subscription[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = subscription;
        receiving = next;
        subscription.track().addSubscription(subscription);
    }

    /** Adds a section for another participant's track and offers it to the client. */
    synchronized void subscribe(PublishedTrack track) {
        if (state == State.CLOSED || localDescription == null || receivingSsrc(track.ssrc()) != null
                || awaitingAnswer.values().stream().anyMatch(s -> s.track() == track)) {
            return;
        }
        OfferBuilder offers = new OfferBuilder(localParameters(), CAPABILITIES);
        String mid = OfferBuilder.nextMid(localDescription, transceivers);
        int payloadType = offers.payloadTypeFor(localDescription, track.kind());
        SendTrack sendTrack = new SendTrack(track.publisher().sessionId(), track.trackId(),
                Integer.toUnsignedLong(track.ssrc()), payloadType);
        transceivers.add(Transceiver.sending(mid, track.kind(), sendTrack));
        int subscriberAudioLevel = track.kind() == MediaKind.AUDIO ? bundleExtensionId(MediaKind.AUDIO) : 0;
        Subscription subscription = new Subscription(this, track, mid,
                payloadType == track.payloadType() ? -1 : payloadType,
                ExtensionIds.audioLevel(track.audioLevelId(), subscriberAudioLevel));
        awaitingAnswer.put(mid, subscription);
        negotiationNeeded = true;
        offerIfNeeded();
    }

    /** The audio-level extension id this session's bundle uses, 0 when it negotiated none. */
    private int bundleExtensionId(MediaKind kind) {
        for (MediaSectionInfo section : MediaSectionInfo.of(localDescription)) {
            if (section.kind() == kind && !section.rejected() && section.audioLevelExtensionId() > 0) {
                return section.audioLevelExtensionId();
            }
        }
        return 0;
    }

    /** Stops forwarding a track that went away and takes its section out of use in the next offer. */
    synchronized void unsubscribe(PublishedTrack track) {
        track.removeSubscriber(this);
        Subscription[] current = receiving;
        receiving = Arrays.stream(current).filter(s -> s.track() != track).toArray(Subscription[]::new);
        awaitingAnswer.values().removeIf(s -> s.track() == track);
        boolean changed = false;
        for (int i = 0; i < transceivers.size(); i++) {
            Transceiver transceiver = transceivers.get(i);
            if (transceiver.sendTrack() != null && transceiver.sendTrack().trackId().equals(track.trackId())
                    && transceiver.sendTrack().ssrc() == Integer.toUnsignedLong(track.ssrc())) {
                transceivers.set(i, transceiver.stopped());
                changed = true;
            }
        }
        if (changed && state != State.CLOSED) {
            negotiationNeeded = true;
            offerIfNeeded();
        }
    }

    /** RFC 8829 §5.2: at most one offer outstanding; further changes wait for its answer. */
    private void offerIfNeeded() {
        if (state != State.CONNECTED || pendingOffer != null || !negotiationNeeded) {
            return;
        }
        negotiationNeeded = false;
        pendingOffer = new OfferBuilder(localParameters(), CAPABILITIES).offer(localDescription, transceivers,
                nextOrigin());
        publish(MediaEvent.Type.OFFER, SdpWriter.write(pendingOffer));
    }

    /** Gates this session's voice; the first unmute also offers the voice to the others. */
    public void setMuted(boolean mute) {
        PublishedTrack[] tracks;
        synchronized (this) {
            muted = mute;
            tracks = published;
        }
        List<PublishedTrack> firstHeard = new ArrayList<>();
        for (PublishedTrack track : tracks) {
            if (track.isVoice()) {
                if (!mute && !track.announced()) {
                    firstHeard.add(track);
                }
                track.setGated(mute);
            }
        }
        // The track is marked announced before the state is read, and connected() sets the state before it
        // reads the marks (both volatile), so either this call or connected() offers it, possibly both:
        // subscribing twice is a no-op.
        if (!firstHeard.isEmpty() && isConnected()) {
            call.published(this, firstHeard);
        }
    }

    public synchronized void setScreenStream(String streamId) {
        screenStreamId = streamId;
    }

    private LocalParameters localParameters() {
        return new LocalParameters(localIce.ufrag(), localIce.password(),
                host.certificate().sdpFingerprint(),
                host.advertisedAddresses(), host.udpPort());
    }

    private Origin nextOrigin() {
        return Origin.local(originId, ++originVersion);
    }

    private void requireOpen() throws MediaException {
        if (state == State.CLOSED) {
            throw new MediaException("session_closed", "the media session is closed");
        }
    }

    PublishedTrack[] published() {
        return published;
    }

    // ---- Lifecycle ---------------------------------------------------------------------------------

    /**
     * The DTLS handshake exported the SRTP keys: media may flow. Package-private so that code holding keys
     * already (the forward-path benchmark) connects a session the same way, without a handshake.
     */
    void connected(DtlsSrtpKeys keys) {
        // RFC 5764 §4.2: the client's write key protects what we receive, the server's what we send.
        srtpIn = new SrtpReceiver(keys.remote());
        srtpOut = new SrtpSender(keys.local());
        synchronized (this) {
            if (state != State.ANSWERED) {
                return;
            }
            state = State.CONNECTED;
        }
        host.sessionConnected(this, System.nanoTime() - answeredAtNanos);
        LOG.debugf("session %s connected (%s)", sessionId, keys.profile());
        publish(MediaEvent.Type.CONNECTED, null);
        call.connected(this);
        synchronized (this) {
            offerIfNeeded();
        }
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
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            closeReason = reason;
            awaitingAnswer.clear();
        }
        DtlsServer server = dtls;
        if (server != null) {
            server.close();
        }
        for (Subscription subscription : receiving) {
            subscription.track().removeSubscriber(this);
        }
        receiving = NO_SUBSCRIPTIONS;
        for (PublishedTrack track : published) {
            track.release();
        }
        call.left(this);
        host.sessionClosed(this);
        LOG.debugf("session %s closed: %s", sessionId, detail);
        publish(MediaEvent.Type.CLOSED, detail);
    }

    private void publish(MediaEvent.Type type, String detail) {
        host.events().publish(new MediaEvent(type, call.callId(), sessionId, detail));
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
            close(state == State.ANSWERED && failure == HandshakeFailure.TIMED_OUT ? CloseReason.RTC_TIMEOUT
                    : CloseReason.DTLS_FAILED);
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
