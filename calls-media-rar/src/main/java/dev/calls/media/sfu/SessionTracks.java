package dev.calls.media.sfu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.calls.limits.Limit;
import dev.calls.media.sdp.Codec;
import dev.calls.media.sdp.MediaKind;
import dev.calls.media.sdp.MediaSectionInfo;
import dev.calls.media.sdp.RemoteSource;
import dev.calls.media.sdp.SessionDescription;

/**
 * The tracks of one session: those it publishes, made from the sources its offers announce, and the
 * subscriptions through which it receives others'. Each list is an array swapped whole on change, so that
 * the packet path reads it without a lock; changes are made under the session's negotiation monitor.
 */
final class SessionTracks {

    private static final PublishedTrack[] NO_TRACKS = new PublishedTrack[0];
    private static final Subscription[] NO_SUBSCRIPTIONS = new Subscription[0];

    private final Participant owner;
    private final SessionHost host;
    private final HistoryBudget historyBudget = new HistoryBudget(Limit.NACK_HISTORY_KIB_PER_SESSION.value() * 1024L);
    private volatile PublishedTrack[] published = NO_TRACKS;
    private volatile Subscription[] receiving = NO_SUBSCRIPTIONS;

    SessionTracks(Participant owner, SessionHost host) {
        this.owner = owner;
        this.host = host;
    }

    PublishedTrack[] published() {
        return published;
    }

    /** The published track with that SSRC, or null. */
    PublishedTrack publishedSsrc(int ssrc) {
        for (PublishedTrack track : published) {
            if (track.ssrc() == ssrc) {
                return track;
            }
        }
        return null;
    }

    /** The subscription receiving the track with that SSRC, or null. */
    Subscription receivingSsrc(int ssrc) {
        for (Subscription subscription : receiving) {
            if (subscription.track().ssrc() == ssrc) {
                return subscription;
            }
        }
        return null;
    }

    /**
     * Tracks the client announces it sends (a=ssrc with msid) become published tracks; vanished ones go.
     *
     * @param sections the offer's sections
     * @param answer   our answer to it, which says the payload type accepted in each section
     * @param added    receives the tracks made new
     * @param removed  receives the tracks released
     */
    void updatePublished(List<MediaSectionInfo> sections, SessionDescription answer, String screenStreamId,
            boolean muted, List<PublishedTrack> added, List<PublishedTrack> removed) {
        List<PublishedTrack> now = new ArrayList<>();
        for (MediaSectionInfo section : sections) {
            if (section.rejected() || !section.kind().isRtp() || !section.direction().sends()) {
                continue;
            }
            String codec = section.kind() == MediaKind.AUDIO ? Codec.OPUS : Codec.VP8;
            int payloadType = negotiatedPayloadType(answer, section.mid(), codec);
            for (RemoteSource source : section.sources()) {
                PublishedTrack existing = publishedSsrc((int) source.ssrc());
                if (existing != null) {
                    now.add(existing);
                } else if (payloadType >= 0) {
                    PublishedTrack track = new PublishedTrack(owner, section.kind(), (int) source.ssrc(),
                            TrackIds.of(section.kind(), source.streamId(), screenStreamId, owner.sessionId()),
                            payloadType, section.audioLevelExtensionId(), section.midExtensionId(),
                            host.nackHistoryPackets(), historyBudget, host.forwarding());
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

    /** The payload type the answer accepted for the codec in that section, or -1 when it was not accepted. */
    private static int negotiatedPayloadType(SessionDescription answer, String mid, String codec) {
        for (MediaSectionInfo section : MediaSectionInfo.of(answer)) {
            if (mid.equals(section.mid()) && !section.rejected()) {
                return section.payloadType(codec);
            }
        }
        return -1;
    }

    /** Gates the voices among {@code tracks}; returns those an unmute lets be heard for the first time. */
    static List<PublishedTrack> gateVoices(PublishedTrack[] tracks, boolean mute) {
        List<PublishedTrack> firstHeard = new ArrayList<>();
        for (PublishedTrack track : tracks) {
            if (track.isVoice()) {
                if (!mute && !track.announced()) {
                    firstHeard.add(track);
                }
                track.setGated(mute);
            }
        }
        return firstHeard;
    }

    /** The subscriber accepted the track's section: forwarding to it starts. */
    void startReceiving(Subscription subscription) {
        Subscription[] current = receiving;
        Subscription[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = subscription;
        receiving = next;
        subscription.track().addSubscription(subscription);
    }

    /** The track went away: nothing more of it is forwarded to this session. */
    void stopReceiving(PublishedTrack track) {
        track.removeSubscriber(owner);
        receiving = Arrays.stream(receiving).filter(s -> s.track() != track).toArray(Subscription[]::new);
    }

    /** The session ended: it leaves every track it received, and its own tracks release their resources. */
    void releaseAll() {
        for (Subscription subscription : receiving) {
            subscription.track().removeSubscriber(owner);
        }
        receiving = NO_SUBSCRIPTIONS;
        for (PublishedTrack track : published) {
            track.release();
        }
    }
}
