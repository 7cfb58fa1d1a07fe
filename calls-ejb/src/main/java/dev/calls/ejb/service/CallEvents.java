package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.CallsEvent;
import dev.calls.ejb.call.CallsEvent.Audience;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The call events clients hear, with the call's ids added and their recipients resolved when fired.
 * The engine's server offers and voice activity are relayed here straight from the live state: they
 * change nothing and concern one session, so they must not wait for {@link CallService}'s locks —
 * a listener's media starts only once its server offer is delivered.
 */
@ApplicationScoped
public class CallEvents {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallStateStore store;

    @Inject
    Event<CallsEvent> events;

    /** Fires the event to the audience as it is now ({@code sessionId} for SESSION). */
    public void fire(String event, LiveCall call, Audience audience, String sessionId, Map<String, Object> data) {
        Map<String, Object> full = new LinkedHashMap<>(data);
        full.put("call_id", call.id());
        full.put("channel_id", call.channelId());
        List<String> recipients = switch (audience) {
            case CHANNEL -> ChannelService.memberIds(em, call.channelId());
            case PARTICIPANTS -> call.sessions().stream().map(LiveSession::sessionId).toList();
            case SESSION -> List.of(sessionId);
        };
        events.fire(new CallsEvent(event, call.channelId(), audience, recipients, full));
    }

    /** The engine offers the client a change of tracks: the session gets it as a {@code signal} event. */
    public void serverOffer(String sessionId, String sdp) {
        for (LiveCall call : store.all()) {
            if (call.session(sessionId).isPresent()) {
                fire("signal", call, Audience.SESSION, sessionId, Map.of("type", "offer", "sdp", sdp));
                return;
            }
        }
    }

    /** Server-side voice activity (from the RFC 6464 audio level), for the call's participants. */
    public void voiceChanged(String sessionId, boolean speaking) {
        for (LiveCall call : store.all()) {
            LiveSession session = call.session(sessionId).orElse(null);
            if (session != null) {
                fire(speaking ? "user_voice_on" : "user_voice_off", call, Audience.PARTICIPANTS, null,
                        Map.of("user_id", session.userId(), "session_id", sessionId));
                return;
            }
        }
    }
}
