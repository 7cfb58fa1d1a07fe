package dev.calls.media.sfu;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.calls.media.api.MediaEvent;
import dev.calls.media.api.MediaException;
import dev.calls.media.ice.IceCredentials;
import dev.calls.media.sdp.AnswerBuilder;
import dev.calls.media.sdp.AnswerValidator;
import dev.calls.media.sdp.MediaCapabilities;
import dev.calls.media.sdp.MediaKind;
import dev.calls.media.sdp.MediaSectionInfo;
import dev.calls.media.sdp.OfferBuilder;
import dev.calls.media.sdp.Origin;
import dev.calls.media.sdp.SdpNegotiationException;
import dev.calls.media.sdp.SdpWriter;
import dev.calls.media.sdp.SendTrack;
import dev.calls.media.sdp.SessionDescription;
import dev.calls.media.sdp.TransportParameters;
import dev.calls.media.sdp.Transceiver;

/**
 * The SDP offer/answer of one session (RFC 3264, RFC 8829) and the session state it moves. The client's
 * offers are answered (the first also sets up the transport) and the tracks they announce become published
 * tracks; other participants' tracks are offered to the client in server offers, at most one outstanding.
 *
 * <p>Commands arrive on container threads and are serialized on this object's monitor, which the packet
 * path never takes; the call hears of added and removed tracks outside it.
 */
final class Negotiation {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MediaCapabilities CAPABILITIES = MediaCapabilities.defaults();

    private final Participant participant;
    private final Call call;
    private final SessionTransport transport;
    private final SessionTracks tracks;
    private final long originId = RANDOM.nextLong() & Long.MAX_VALUE;

    private volatile SessionState state = SessionState.NEW;
    private volatile long answeredAtNanos;
    private volatile CloseReason closeReason;

    // Guarded by this.
    private long originVersion;
    private boolean muted = true;
    private String screenStreamId;
    private SessionDescription localDescription;
    private SessionDescription pendingOffer;
    private boolean negotiationNeeded;
    private final List<Transceiver> transceivers = new ArrayList<>();
    private final Map<String, Subscription> awaitingAnswer = new HashMap<>();

    Negotiation(Participant participant, Call call, SessionTransport transport, SessionTracks tracks) {
        this.participant = participant;
        this.call = call;
        this.transport = transport;
        this.tracks = tracks;
    }

    SessionState state() {
        return state;
    }

    /** Why the session ended; null while it is open. */
    CloseReason closeReason() {
        return closeReason;
    }

    /** When the first offer was answered (System.nanoTime()), the start of the connect timeout. */
    long answeredAtNanos() {
        return answeredAtNanos;
    }

    /**
     * Takes the client's offer, returns the answer; the first one also sets up ICE and the DTLS server, which
     * waits for ICE to validate the client's address; one with new ICE credentials restarts ICE (see
     * {@link SessionTransport}).
     */
    String acceptOffer(String offerText) throws MediaException {
        List<PublishedTrack> added = new ArrayList<>();
        List<PublishedTrack> removed = new ArrayList<>();
        String answerText;
        synchronized (this) {
            requireOpen();
            if (pendingOffer != null) {
                // Perfect negotiation: the server is the impolite peer; the client rolls back and answers ours.
                throw new MediaException("negotiation_glare", "the server's offer is pending: answer it first");
            }
            SessionDescription offer = ClientSdp.parse(offerText);
            try {
                TransportParameters offeredTransport = TransportParameters.of(offer);
                IceCredentials localIce = transport.answerCredentials(offeredTransport);
                List<MediaSectionInfo> sections = MediaSectionInfo.of(offer);
                ClientSdp.requireSourcesWithinLimit(sections);
                for (MediaSectionInfo section : sections) {
                    if (!section.rejected() && section.kind().isRtp() && section.direction().sends()
                            && transceiverFor(section.mid()) == null) {
                        transceivers.add(Transceiver.receiving(section.mid(), section.kind()));
                    }
                }
                SessionDescription answer = new AnswerBuilder(transport.localParameters(localIce), CAPABILITIES)
                        .answer(offer, transceivers, nextOrigin());
                transport.offered(offeredTransport, localIce);
                localDescription = answer;
                tracks.updatePublished(sections, answer, screenStreamId, muted, added, removed);
                answerText = SdpWriter.write(answer);
            } catch (SdpNegotiationException e) {
                throw new MediaException("invalid_sdp", e.getMessage(), e);
            }
            if (state == SessionState.NEW) {
                state = SessionState.ANSWERED;
                answeredAtNanos = System.nanoTime();
            }
        }
        if (state == SessionState.CONNECTED) {
            call.published(participant, added);
        }
        call.unpublished(removed);
        return answerText;
    }

    private Transceiver transceiverFor(String mid) {
        for (Transceiver transceiver : transceivers) {
            if (transceiver.mid().equals(mid)) {
                return transceiver;
            }
        }
        return null;
    }

    /** Takes the client's answer to the server's pending offer; the tracks it accepted start flowing. */
    void acceptAnswer(String answerText) throws MediaException {
        List<PublishedTrack> keyframesWanted = new ArrayList<>();
        synchronized (this) {
            requireOpen();
            if (pendingOffer == null) {
                throw new MediaException("no_offer_pending", "the server has no offer waiting for an answer");
            }
            SessionDescription answer = ClientSdp.parse(answerText);
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
                    tracks.startReceiving(subscription);
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

    /** Adds a section for another participant's track and offers it to the client. */
    synchronized void subscribe(PublishedTrack track) {
        if (state == SessionState.CLOSED || localDescription == null || tracks.receivingSsrc(track.ssrc()) != null
                || awaitingAnswer.values().stream().anyMatch(s -> s.track() == track)) {
            return;
        }
        OfferBuilder offers = new OfferBuilder(transport.localParameters(), CAPABILITIES);
        String mid = OfferBuilder.nextMid(localDescription, transceivers);
        int payloadType = offers.payloadTypeFor(localDescription, track.kind());
        SendTrack sendTrack = new SendTrack(track.publisher().sessionId(), track.trackId(),
                Integer.toUnsignedLong(track.ssrc()), payloadType);
        transceivers.add(Transceiver.sending(mid, track.kind(), sendTrack));
        int subscriberAudioLevel = track.kind() == MediaKind.AUDIO ? ExtensionIds.audioLevelIdOf(localDescription) : 0;
        Subscription subscription = new Subscription(participant, track, mid,
                payloadType == track.payloadType() ? -1 : payloadType,
                ExtensionIds.audioLevel(track.audioLevelId(), subscriberAudioLevel));
        awaitingAnswer.put(mid, subscription);
        negotiationNeeded = true;
        offerIfNeeded();
    }

    /** Stops forwarding a track that went away and takes its section out of use in the next offer. */
    synchronized void unsubscribe(PublishedTrack track) {
        tracks.stopReceiving(track);
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
        if (changed && state != SessionState.CLOSED) {
            negotiationNeeded = true;
            offerIfNeeded();
        }
    }

    /** RFC 8829 §5.2: at most one offer outstanding; further changes wait for its answer. */
    synchronized void offerIfNeeded() {
        if (state != SessionState.CONNECTED || pendingOffer != null || !negotiationNeeded) {
            return;
        }
        negotiationNeeded = false;
        pendingOffer = new OfferBuilder(transport.localParameters(), CAPABILITIES).offer(localDescription,
                transceivers, nextOrigin());
        participant.publish(MediaEvent.Type.OFFER, SdpWriter.write(pendingOffer));
    }

    /** The transport connected: false when the session was not waiting for it (closed meanwhile). */
    synchronized boolean connect() {
        if (state != SessionState.ANSWERED) {
            return false;
        }
        state = SessionState.CONNECTED;
        return true;
    }

    /** The session ends for that reason: false when it had already. Subscriptions awaiting an answer go. */
    synchronized boolean close(CloseReason reason) {
        if (state == SessionState.CLOSED) {
            return false;
        }
        state = SessionState.CLOSED;
        closeReason = reason;
        awaitingAnswer.clear();
        return true;
    }

    /** Sets the voice gate new tracks start with; returns the tracks published now, for the caller to gate. */
    synchronized PublishedTrack[] mute(boolean mute) {
        muted = mute;
        return tracks.published();
    }

    synchronized void setScreenStream(String streamId) {
        screenStreamId = streamId;
    }

    private Origin nextOrigin() {
        return Origin.local(originId, ++originVersion);
    }

    private void requireOpen() throws MediaException {
        if (state == SessionState.CLOSED) {
            throw new MediaException("session_closed", "the media session is closed");
        }
    }
}
