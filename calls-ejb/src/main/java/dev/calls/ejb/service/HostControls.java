package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.media.MediaGateway;
import dev.calls.ejb.policy.HostActionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a call's host (or a system admin, {@link HostActionPolicy}) does to the call and its sessions:
 * pass the host on, mute, stop a share, lower a hand, remove a session, end the call. The target session
 * hears of it first, then the call hears the change it made.
 */
@ApplicationScoped
public class HostControls {

    @Inject
    CallStateStore store;

    @Inject
    CallChanges changes;

    @Inject
    CallDepartures departures;

    @Inject
    ParticipantState participants;

    @Inject
    CallEntities entities;

    @Inject
    HostActionPolicy hostPolicy;

    @Inject
    CallEvents callEvents;

    @Inject
    MediaGateway media;

    public void makeHost(String actorId, String callId, String newHostId) {
        changes.inCall(callId, (change, call) -> {
            hostPolicy.checkMakeHost(entities.user(actorId), call, newHostId);
            if (!newHostId.equals(call.hostId())) {
                departures.changeHost(call, newHostId, actorId);
            }
        });
    }

    public void hostMute(String actorId, String callId, String sessionId) {
        changes.inCall(callId, (change, call) ->
                mute(change, call, hostPolicy.checkTargetSession(entities.user(actorId), call, sessionId)));
    }

    /** Mutes every session but the acting host's own. */
    public void hostMuteOthers(String actorId, String callId) {
        changes.inCall(callId, (change, call) -> {
            hostPolicy.checkHostAction(entities.user(actorId), call);
            LiveCall now = call;
            for (LiveSession session : call.sessions()) {
                if (!session.userId().equals(actorId)) {
                    now = mute(change, now, session);
                }
            }
        });
    }

    public void hostScreenOff(String actorId, String callId, String sessionId) {
        changes.inCall(callId, (change, call) -> {
            LiveSession target = hostPolicy.checkTargetSession(entities.user(actorId), call, sessionId);
            callEvents.toSession(call.channelId(), sessionId, new CallEvent.HostScreenOff(call.id(), call.channelId(), sessionId));
            if (target.screenOn()) {
                participants.setScreen(change, call, target, null);
            }
        });
    }

    public void hostLowerHand(String actorId, String callId, String sessionId) {
        changes.inCall(callId, (change, call) -> {
            LiveSession target = hostPolicy.checkTargetSession(entities.user(actorId), call, sessionId);
            callEvents.toSession(call.channelId(), sessionId, new CallEvent.HostLowerHand(call.id(), call.channelId(), sessionId));
            if (target.raisedHand() != 0) {
                participants.applyHand(call, target, false);
            }
        });
    }

    /** Removes the session from the call; its media closes once the removal committed. */
    public void hostRemove(String actorId, String callId, String sessionId) {
        changes.inCall(callId, (change, call) -> {
            hostPolicy.checkTargetSession(entities.user(actorId), call, sessionId);
            callEvents.toParticipants(call, new CallEvent.HostRemoved(call.id(), call.channelId(), sessionId));
            departures.removeSession(change, call, sessionId, actorId);
        });
    }

    public void hostEnd(String actorId, String callId) {
        changes.inCall(callId, (change, call) -> {
            hostPolicy.checkHostAction(entities.user(actorId), call);
            departures.endCall(change, call, System.currentTimeMillis(), CallEndReason.HOST_ENDED, actorId);
        });
    }

    /** The target hears it was muted by the host; when it was unmuted, the engine stops its voice and all hear. */
    private LiveCall mute(CallChange change, LiveCall call, LiveSession target) {
        callEvents.toSession(call.channelId(), target.sessionId(),
                new CallEvent.HostMute(call.id(), call.channelId(), target.sessionId()));
        if (!target.unmuted()) {
            return call;
        }
        media.setMuted(target.sessionId(), true);
        change.undoWith(() -> media.setMuted(target.sessionId(), false));
        LiveCall next = store.update(call.channelId(), c -> c.withSessionChanged(target.sessionId(), s -> s.withUnmuted(false)));
        callEvents.toParticipants(next, new CallEvent.UserMuted(next.id(), next.channelId(), target.userId(), target.sessionId()));
        return next;
    }
}
