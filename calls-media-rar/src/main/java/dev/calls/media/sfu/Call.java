package dev.calls.media.sfu;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The participants of one call and who receives whose tracks: every announced track of a connected
 * participant (a voice once it has been unmuted, see {@link PublishedTrack#announced()}) goes to every
 * other connected participant. Membership changes are serialized on this object, which is always taken
 * before a participant's negotiation monitor (never the other way round); the packet path never takes it
 * (each track keeps its own subscriber array).
 */
public final class Call {

    private final String callId;
    private final List<Participant> participants = new CopyOnWriteArrayList<>();

    public Call(String callId) {
        this.callId = callId;
    }

    public String callId() {
        return callId;
    }

    /** The media session of a new participant; it takes part once connected. */
    public synchronized Participant newParticipant(SessionHost host, String sessionId) {
        Participant participant = new Participant(host, this, sessionId);
        participants.add(participant);
        return participant;
    }

    /** A participant's media is up: it receives everyone's tracks and everyone receives its tracks. */
    synchronized void connected(Participant participant) {
        for (Participant other : participants) {
            if (other == participant || !other.isConnected()) {
                continue;
            }
            for (PublishedTrack track : other.published()) {
                if (track.announced()) {
                    participant.subscribe(track);
                }
            }
            for (PublishedTrack track : participant.published()) {
                if (track.announced()) {
                    other.subscribe(track);
                }
            }
        }
    }

    /** New or newly announced tracks of a connected participant go to the others. */
    synchronized void published(Participant publisher, List<PublishedTrack> tracks) {
        for (Participant other : participants) {
            if (other != publisher && other.isConnected()) {
                for (PublishedTrack track : tracks) {
                    if (track.announced()) {
                        other.subscribe(track);
                    }
                }
            }
        }
    }

    /** Tracks that ended are taken from everyone who received them. */
    synchronized void unpublished(List<PublishedTrack> tracks) {
        for (PublishedTrack track : tracks) {
            for (Participant other : participants) {
                if (other != track.publisher()) {
                    other.unsubscribe(track);
                }
            }
        }
    }

    synchronized void left(Participant participant) {
        if (participants.remove(participant)) {
            unpublished(List.of(participant.published()));
        }
    }

    public boolean isEmpty() {
        return participants.isEmpty();
    }

    public List<Participant> participants() {
        return List.copyOf(participants);
    }
}
