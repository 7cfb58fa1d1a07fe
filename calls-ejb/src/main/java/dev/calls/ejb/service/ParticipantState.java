package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.media.MediaGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;

/**
 * What a participant shows the call: mute, raised hand, screen share, reactions. Keyed by session id:
 * signaling has already tied the session to its authenticated connection. Mute and screen changes reach
 * the engine before anyone hears of them, and are taken back there should the change not commit.
 */
@ApplicationScoped
public class ParticipantState {

    @Inject
    CallStateStore store;

    @Inject
    CallChanges changes;

    @Inject
    CallsConfig config;

    @Inject
    CallEvents callEvents;

    @Inject
    MediaGateway media;

    /** The session's own mute switch: the engine stops or starts forwarding its voice. */
    public void setUnmuted(String sessionId, boolean unmuted) {
        changes.inCallOfSession(sessionId, (change, call, session) -> {
            media.setMuted(sessionId, !unmuted);
            change.undoWith(() -> media.setMuted(sessionId, !session.unmuted()));
            if (session.unmuted() != unmuted) {
                LiveCall next = store.update(call.channelId(), c -> c.withSessionChanged(sessionId, s -> s.withUnmuted(unmuted)));
                callEvents.toParticipants(next, unmuted
                        ? new CallEvent.UserUnmuted(next.id(), next.channelId(), session.userId(), sessionId)
                        : new CallEvent.UserMuted(next.id(), next.channelId(), session.userId(), sessionId));
            }
        });
    }

    public void setRaisedHand(String sessionId, boolean raised) {
        changes.inCallOfSession(sessionId, (change, call, session) -> {
            if ((session.raisedHand() != 0) != raised) {
                applyHand(call, session, raised);
            }
        });
    }

    /**
     * Starts or stops the session's screen share: refused when sharing is off or someone else shares.
     * {@code streamId} names the client's screen MediaStream (null when stopping).
     */
    public void setScreenOn(String sessionId, boolean on, String streamId) {
        changes.inCallOfSession(sessionId, (change, call, session) -> {
            if (on && !config.allowScreenSharing()) {
                throw CallsException.forbidden("screen_sharing_disabled", "Screen sharing is switched off on this server.");
            }
            if (on && call.screenSharingSessionId() != null && !call.screenSharingSessionId().equals(sessionId)) {
                throw CallsException.conflict("screen_already_shared", "Someone else is sharing their screen in this call.");
            }
            setScreen(change, call, session, on ? streamId : null);
        });
    }

    /** A reaction: every participant hears of it; nothing is kept. */
    public void react(String sessionId, Map<String, String> emoji) {
        changes.inCallOfSession(sessionId, (change, call, session) -> callEvents.toParticipants(call,
                new CallEvent.UserReacted(call.id(), call.channelId(), session.userId(), sessionId, emoji,
                        System.currentTimeMillis())));
    }

    /** Raises (now) or lowers the session's hand; participants hear of it. */
    public void applyHand(LiveCall call, LiveSession session, boolean raised) {
        long at = raised ? System.currentTimeMillis() : 0;
        LiveCall next = store.update(call.channelId(), c -> c.withSessionChanged(session.sessionId(), s -> s.withRaisedHand(at)));
        callEvents.toParticipants(next, raised
                ? new CallEvent.UserRaiseHand(next.id(), next.channelId(), session.userId(), session.sessionId(), at)
                : new CallEvent.UserUnraiseHand(next.id(), next.channelId(), session.userId(), session.sessionId(), at));
    }

    /**
     * The engine is told the session's screen stream ({@code streamId}, null to stop) whatever it had, so it
     * agrees with the live state; participants hear when sharing starts or stops.
     */
    public void setScreen(CallChange change, LiveCall call, LiveSession session, String streamId) {
        media.setScreenStream(session.sessionId(), streamId);
        change.undoWith(() -> media.setScreenStream(session.sessionId(), session.screenStreamId()));
        if (Objects.equals(session.screenStreamId(), streamId)) {
            return;
        }
        boolean on = streamId != null;
        LiveCall next = store.update(call.channelId(), c -> c
                .withSessionChanged(session.sessionId(), s -> s.withScreenStream(streamId))
                .withScreenSharingSession(on ? session.sessionId() : null));
        if (session.screenOn() != on) {
            callEvents.toParticipants(next, on
                    ? new CallEvent.UserScreenOn(next.id(), next.channelId(), session.userId(), session.sessionId())
                    : new CallEvent.UserScreenOff(next.id(), next.channelId(), session.userId(), session.sessionId()));
        }
    }
}
