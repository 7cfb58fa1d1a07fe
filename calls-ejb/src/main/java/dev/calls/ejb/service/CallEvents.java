package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.event.EventDelivery;
import dev.calls.ejb.event.EventDelivery.Audience;
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
import java.util.List;

/**
 * The one way every {@link CallEvent} goes to clients, from the services and from the engine alike: its
 * recipients resolved when fired, published to their observers once the transaction that made it commits,
 * in the order fired within it (a transaction's own synchronizations run in no order the specification
 * promises, so each event observed after success on its own could overtake an earlier one:
 * {@code user_joined} before its {@code call_start}). Nothing of a transaction that rolls back is
 * published; outside a transaction an event is published at once. The engine's session descriptions and
 * voice activity are relayed straight from the live state: they change nothing and concern one session,
 * so they must not wait for {@link CallChanges}' locks — a listener's media starts only once its server
 * offer is delivered.
 */
@ApplicationScoped
public class CallEvents {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallStateStore store;

    @Inject
    Event<EventDelivery> events;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** For every connection of every member of the channel. */
    public void toChannel(String channelId, CallEvent event) {
        publish(new EventDelivery(event, channelId, Audience.CHANNEL, ChannelService.memberIds(em, channelId)));
    }

    /** For every session in the call as it is now. */
    public void toParticipants(LiveCall call, CallEvent event) {
        publish(new EventDelivery(event, call.channelId(), Audience.PARTICIPANTS,
                call.sessions().stream().map(LiveSession::sessionId).toList()));
    }

    /** For the one session of the channel's call. */
    public void toSession(String channelId, String sessionId, CallEvent event) {
        publish(new EventDelivery(event, channelId, Audience.SESSION, List.of(sessionId)));
    }

    /**
     * Publishes the event after the current transaction commits, after those published before it in that
     * transaction; at once outside a transaction; never for one that will roll back.
     */
    public void publish(EventDelivery delivery) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            events.fire(delivery);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            // Marked for rollback or ending: the change will not commit, so clients must not hear of it.
            return;
        }
        @SuppressWarnings("unchecked")
        List<EventDelivery> pending = (List<EventDelivery>) transactions.getResource(CallEvents.class);
        if (pending == null) {
            List<EventDelivery> batch = new ArrayList<>();
            transactions.putResource(CallEvents.class, batch);
            transactions.registerInterposedSynchronization(new AfterCommit(batch));
            pending = batch;
        }
        pending.add(delivery);
    }

    /** Publishes one transaction's events, in order, once it committed. */
    private final class AfterCommit implements Synchronization {

        private final List<EventDelivery> batch;

        AfterCommit(List<EventDelivery> batch) {
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
        signal(sessionId, "offer", sdp);
    }

    /** The engine's answer to the client's offer, as a {@code signal} event: the same way as its offers. */
    public void answer(String sessionId, String sdp) {
        signal(sessionId, "answer", sdp);
    }

    /** Server-side voice activity (from the RFC 6464 audio level), for the call's participants. */
    public void voiceChanged(String sessionId, boolean speaking) {
        store.bySession(sessionId).ifPresent(call -> call.session(sessionId).ifPresent(session -> toParticipants(call,
                speaking ? new CallEvent.UserVoiceOn(call.id(), call.channelId(), session.userId(), sessionId)
                        : new CallEvent.UserVoiceOff(call.id(), call.channelId(), session.userId(), sessionId))));
    }

    /** Nothing when the session is in no call: it left, and the description is moot. */
    private void signal(String sessionId, String type, String sdp) {
        store.bySession(sessionId).ifPresent(call ->
                toSession(call.channelId(), sessionId, new CallEvent.Signal(call.id(), call.channelId(), type, sdp)));
    }
}
