package dev.calls.media.sfu;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import dev.calls.limits.Limit;
import dev.calls.limits.TokenBucket;
import dev.calls.media.rtp.AudioLevel;
import dev.calls.media.rtp.ReceiveStatistics;
import dev.calls.media.rtp.ReceiverReport;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.sdp.MediaKind;

/**
 * One source a participant sends (its voice, its screen, its screen's audio) and everyone it is forwarded
 * to. Its packets are handled on the thread that receives its publisher, which queues one copy per
 * forwarding worker; each worker sends to its share of the subscribers. The subscriber lists (one per
 * worker) are copied on write so that those threads read them without a lock.
 *
 * <p>Each track is policed: a token bucket lets through at most {@link Limit#AUDIO_PACKETS_PER_SECOND} or
 * {@link Limit#VIDEO_PACKETS_PER_SECOND} packets a second, in bursts of up to {@link Limit#AUDIO_PACKET_BURST}
 * or {@link Limit#VIDEO_PACKET_BURST} (a screen's keyframe is hundreds of packets at once); the excess is
 * dropped and counted before anything else is done with it, so that one publisher cannot make the server
 * fan out more than a real client sends. The bucket is used by the track's receive thread only.
 *
 * <p>A video track's losses on the publisher's uplink are asked for again ({@link UplinkRepair}); the
 * repaired packets are forwarded and kept in the history like any other.
 */
public final class PublishedTrack implements Recipients, UplinkRepair.Feedback {

    /** At most one keyframe request per second reaches the publisher, whoever asks. */
    static final long KEYFRAME_REQUEST_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Subscription[] NONE = new Subscription[0];

    private final Participant publisher;
    private final MediaKind kind;
    private final int ssrc;
    private final String trackId;
    private final int payloadType;
    private final int audioLevelId;
    private final byte[] stripMid;
    private final ReceiveStatistics statistics;
    private final PacketHistory history;
    private final VoiceActivity voice;
    private final KeyframeRequestLimiter keyframes;
    private final UplinkRepair repair;
    private final Forwarding forwarding;
    private final TokenBucket rate;

    /** Subscriptions by the forwarding worker of their subscriber. */
    private volatile Subscription[][] subscriptions;
    private volatile boolean gated;
    /**
     * Whether the others are offered this track. A voice is offered from the first time its publisher
     * unmutes, as Mattermost's clients add their microphone track only then: a call where most never speak
     * does not renegotiate every session for every joiner's silent microphone. Screen tracks are offered at once.
     */
    private volatile boolean announced;
    /** Packets held back by the gate so far; subtracted from sequence numbers so subscribers see no gap. */
    private int heldBack;

    /**
     * @param trackId      the contract's track id: voice_, screen_ or screen-audio_ + the publisher's session id
     * @param audioLevelId the publisher's id of the RFC 6464 extension, 0 when it sends none
     * @param midId        the publisher's id of the mid extension, 0 when it sends none; it is removed before
     *                     forwarding, because the mid names the publisher's m-section, not the subscriber's
     * @param historyBudget the publisher's session's budget for retransmission history (video only)
     */
    PublishedTrack(Participant publisher, MediaKind kind, int ssrc, String trackId, int payloadType, int audioLevelId,
            int midId, int historyPackets, HistoryBudget historyBudget, Forwarding forwarding) {
        this.publisher = publisher;
        this.kind = kind;
        this.ssrc = ssrc;
        this.trackId = trackId;
        this.payloadType = payloadType;
        this.audioLevelId = audioLevelId;
        this.stripMid = midId > 0 ? ExtensionIds.dropping(midId) : null;
        this.statistics = new ReceiveStatistics(ssrc, kind == MediaKind.AUDIO ? 48_000 : 90_000);
        this.history = kind == MediaKind.VIDEO ? new PacketHistory(historyPackets, ForwardBuffers.SIZE, historyBudget)
                : null;
        this.voice = isVoice() ? new VoiceActivity() : null;
        this.keyframes = kind == MediaKind.VIDEO ? new KeyframeRequestLimiter(KEYFRAME_REQUEST_INTERVAL_NANOS) : null;
        this.repair = kind == MediaKind.VIDEO ? new UplinkRepair(this, System.nanoTime()) : null;
        this.gated = isVoice();
        this.announced = !isVoice();
        this.forwarding = forwarding;
        this.rate = kind == MediaKind.VIDEO
                ? new TokenBucket(Limit.VIDEO_PACKETS_PER_SECOND.value(), Limit.VIDEO_PACKET_BURST.value(), System.nanoTime())
                : new TokenBucket(Limit.AUDIO_PACKETS_PER_SECOND.value(), Limit.AUDIO_PACKET_BURST.value(), System.nanoTime());
        Subscription[][] none = new Subscription[forwarding.workerCount()][];
        Arrays.fill(none, NONE);
        this.subscriptions = none;
    }

    public Participant publisher() {
        return publisher;
    }

    public MediaKind kind() {
        return kind;
    }

    public int ssrc() {
        return ssrc;
    }

    public String trackId() {
        return trackId;
    }

    int payloadType() {
        return payloadType;
    }

    int audioLevelId() {
        return audioLevelId;
    }

    boolean isVoice() {
        return trackId.startsWith(TrackIds.VOICE);
    }

    /**
     * Handles one decrypted packet of this track on its receive thread: loss repair, the rate limit,
     * statistics, voice activity, the mute gate, then one copy queued for each forwarding worker that serves
     * a subscriber of it. A retransmission is handled as any packet: SRTP's replay window has already let
     * through only the first copy of it (RFC 3711 §3.3.2), so it is forwarded once.
     */
    void forward(RtpPacket packet, long nowNanos) {
        if (repair != null) {
            // Before the rate limit: a packet dropped there did arrive, and asking for it again would only add to the flood.
            repair.onPacket(packet.sequenceNumber(), nowNanos);
        }
        if (!rate.tryTake(nowNanos)) {
            publisher.rateLimited();
            return;
        }
        synchronized (statistics) {
            statistics.onPacket(packet.sequenceNumber(), packet.timestamp(), nowNanos);
        }
        if (gated) {
            heldBack++;
            return;
        }
        if (voice != null) {
            int level = AudioLevel.read(packet, audioLevelId);
            if (level >= 0) {
                synchronized (voice) {
                    if (voice.update(AudioLevel.level(level))) {
                        publisher.voiceChanged(voice.speaking());
                    }
                }
            }
        }
        int sequence = (packet.sequenceNumber() - heldBack) & 0xFFFF;
        if (heldBack != 0) {
            packet.setSequenceNumber(sequence);
        }
        if (stripMid != null && packet.hasExtension()) {
            packet.extension().remapIds(stripMid);
        }
        if (history != null) {
            history.store(sequence, packet.array(), packet.offset(), packet.length());
        }
        Subscription[][] byWorker = subscriptions;
        for (int worker = 0; worker < byWorker.length; worker++) {
            if (byWorker[worker].length > 0) {
                forwarding.offer(worker, this, packet.array(), packet.offset(), packet.length(), nowNanos);
            }
        }
    }

    /** On forwarding worker {@code worker}: one copy for each of its subscribers, encrypted with their keys. */
    @Override
    public void deliver(ForwardBuffers buffers, int worker, byte[] buf, int len) {
        for (Subscription subscription : subscriptions[worker]) {
            subscription.subscriber().sendForwarded(buffers, buf, 0, len, subscription);
        }
    }

    /**
     * Stops or resumes forwarding; a gated voice is not speaking, and an ungated one is announced from now
     * on. Called by the signaling side on mute.
     */
    void setGated(boolean gate) {
        gated = gate;
        if (!gate) {
            announced = true;
        }
        if (gate && voice != null) {
            synchronized (voice) {
                if (voice.reset()) {
                    publisher.voiceChanged(false);
                }
            }
        }
    }

    boolean gated() {
        return gated;
    }

    /** Whether the publisher's call offers this track to the others (see {@link #announced}). */
    boolean announced() {
        return announced;
    }

    /** A subscriber or the SFU itself wants a keyframe: passed on to the publisher at most once a second. */
    @Override
    public void requestKeyframe(long nowNanos) {
        if (keyframes != null && keyframes.tryAcquire(nowNanos)) {
            publisher.sendKeyframeRequest(ssrc);
        }
    }

    /** Asks the publisher for lost packets of this track again (RFC 4585 §6.2.1). */
    @Override
    public void requestRetransmission(int[] sequences, int count) {
        publisher.requestRetransmission(ssrc, sequences, count);
    }

    /** Repeats overdue requests for lost packets; on the session's timer. */
    void retryLostPackets(long nowNanos) {
        if (repair != null) {
            repair.tick(nowNanos);
        }
    }

    /** The track is no longer published: its retransmission history goes back to the session's budget. */
    void release() {
        if (history != null) {
            history.release();
        }
    }

    /** Copies a kept packet for a retransmission; -1 when it is gone or the track keeps none (audio). */
    int copyFromHistory(int sequence, byte[] out) {
        return history == null ? -1 : history.copy(sequence, out, 0);
    }

    void onSenderReport(long ntpTimestamp, long nowNanos) {
        synchronized (statistics) {
            statistics.onSenderReport(ntpTimestamp, nowNanos);
        }
    }

    /** Writes an RTCP receiver report about this track (RFC 3550 §6.4.2); returns its length. */
    int writeReceiverReport(byte[] buf, int senderSsrc, long nowNanos) {
        synchronized (statistics) {
            return ReceiverReport.write(buf, 0, senderSsrc,
                    new ReceiveStatistics[] {statistics}, 1, nowNanos);
        }
    }

    long receivedPackets() {
        synchronized (statistics) {
            return statistics.receivedPackets();
        }
    }

    synchronized void addSubscription(Subscription subscription) {
        int worker = subscription.subscriber().forwardWorker();
        Subscription[][] next = subscriptions.clone();
        Subscription[] current = next[worker];
        next[worker] = Arrays.copyOf(current, current.length + 1);
        next[worker][current.length] = subscription;
        subscriptions = next;
    }

    synchronized void removeSubscriber(Participant subscriber) {
        int worker = subscriber.forwardWorker();
        Subscription[] current = subscriptions[worker];
        int kept = 0;
        Subscription[] remaining = new Subscription[current.length];
        for (Subscription subscription : current) {
            if (subscription.subscriber() != subscriber) {
                remaining[kept++] = subscription;
            }
        }
        Subscription[][] next = subscriptions.clone();
        next[worker] = kept == 0 ? NONE : Arrays.copyOf(remaining, kept);
        subscriptions = next;
    }

    int subscriberCount() {
        int count = 0;
        for (Subscription[] share : subscriptions) {
            count += share.length;
        }
        return count;
    }

    @Override
    public String toString() {
        return trackId + " ssrc " + Integer.toUnsignedString(ssrc);
    }
}
