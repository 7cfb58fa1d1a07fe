package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.CallsEvent;
import dev.calls.ejb.call.CallsEvent.Audience;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The call events clients hear, with the call's ids added and their recipients resolved when fired, and
 * published to their observers once the transaction that made them commits, in the order they were fired
 * within it (a transaction's own synchronizations run in no order the specification promises, so each
 * event observed after success on its own could overtake an earlier one: {@code user_joined} before its
 * {@code call_start}). Nothing of a transaction that rolls back is published. The engine's server offers and voice activity are relayed here straight from the live state: they
 * change nothing and concern one session, so they must not wait for {@link CallChanges}' locks —
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

    @Resource
    TransactionSynchronizationRegistry transactions;

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
        publish(new CallsEvent(event, call.channelId(), audience, recipients, full));
    }

    /**
     * Publishes the event after the current transaction commits, after those published before it in that
     * transaction; at once outside a transaction; never for one that will roll back.
     */
    public void publish(CallsEvent event) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            events.fire(event);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            // Marked for rollback or ending: the change will not commit, so clients must not hear of it.
            return;
        }
        @SuppressWarnings("unchecked")
        List<CallsEvent> pending = (List<CallsEvent>) transactions.getResource(CallEvents.class);
        if (pending == null) {
            List<CallsEvent> batch = new ArrayList<>();
            transactions.putResource(CallEvents.class, batch);
            transactions.registerInterposedSynchronization(new AfterCommit(batch));
            pending = batch;
        }
        pending.add(event);
    }

    /** Publishes one transaction's events, in order, once it committed. */
    private final class AfterCommit implements Synchronization {

        private final List<CallsEvent> batch;

        AfterCommit(List<CallsEvent> batch) {
            this.batch = batch;
        }

        @Override
        public void beforeCompletion() {
            // Nothing to prepare: the events wait for the outcome.
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                batch.forEach(events::fire);
            }
        }
    }

    /** The engine offers the client a change of tracks: the session gets it as a {@code signal} event. */
    public void serverOffer(String sessionId, String sdp) {
        store.bySession(sessionId).ifPresent(call ->
                fire("signal", call, Audience.SESSION, sessionId, Map.of("type", "offer", "sdp", sdp)));
    }

    /** Server-side voice activity (from the RFC 6464 audio level), for the call's participants. */
    public void voiceChanged(String sessionId, boolean speaking) {
        store.bySession(sessionId).ifPresent(call -> call.session(sessionId).ifPresent(session ->
                fire(speaking ? "user_voice_on" : "user_voice_off", call, Audience.PARTICIPANTS, null,
                        Map.of("user_id", session.userId(), "session_id", sessionId))));
    }
}
