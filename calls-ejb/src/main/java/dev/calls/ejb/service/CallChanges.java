package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.error.CallsException;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way a call changes: holding its channel's lock, in a transaction of its own that commits — and
 * so hands its events to the clients — before the lock is released. Changes of one call are serialized, so
 * "one call per channel", the participant limit and the host hold under concurrent requests, and everyone
 * hears a call's changes in the order they were made; other calls change at the same time. A change is all
 * or nothing: when it fails or its commit does (a database refusal, a lost connection), its
 * {@link CallChange} puts the live call back as it was and takes its engine steps back, so a channel never
 * keeps a call or media session that its records do not have. The transaction is the bean's own (a caller's
 * is suspended), which is why this is an EJB and the services that use it are not.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class CallChanges {

    private static final Logger LOG = Logger.getLogger(CallChanges.class);

    /** How long a change waits for its channel's lock: the container's default for a locked singleton. */
    static final long LOCK_TIMEOUT_MILLIS = 5000;

    /** A change of one session of a call, as they are under the lock. */
    @FunctionalInterface
    public interface SessionChange {
        void apply(CallChange change, LiveCall call, LiveSession session);
    }

    @Inject
    CallStateStore store;

    @Resource
    UserTransaction transaction;

    private final ChannelLocks locks = new ChannelLocks(LOCK_TIMEOUT_MILLIS);

    /** Runs {@code change} on the channel's call under its lock, in a transaction of its own. */
    public <T> T inChannel(String channelId, Function<CallChange, T> change) {
        return locks.with(channelId, () -> {
            try {
                transaction.begin();
            } catch (NotSupportedException | SystemException e) {
                throw new EJBException(e);
            }
            CallChange work = new CallChange(channelId, store.byChannel(channelId).orElse(null));
            T result;
            try {
                result = change.apply(work);
            } catch (RuntimeException | Error e) {
                rollback();
                work.undo(store);
                throw e;
            }
            try {
                transaction.commit();
            } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException
                     | RuntimeException e) {
                LOG.errorf(e, "a change of the call in channel %s did not commit; it is undone", channelId);
                work.undo(store);
                throw new EJBException(e);
            }
            work.committed();
            return result;
        });
    }

    /** Changes the channel's running call as it is under the lock; nothing when none runs. */
    public void inChannelCall(String channelId, BiConsumer<CallChange, LiveCall> change) {
        inChannel(channelId, work -> {
            store.byChannel(channelId).ifPresent(call -> change.accept(work, call));
            return null;
        });
    }

    /** Changes the call with that id as it is under its channel's lock; refused when it is not running. */
    public void inCall(String callId, BiConsumer<CallChange, LiveCall> change) {
        inChannel(running(callId).channelId(), work -> {
            change.accept(work, running(callId));
            return null;
        });
    }

    /** Changes the call the session is in, as it is under the lock; nothing when the session is in none. */
    public void inCallOf(String sessionId, BiConsumer<CallChange, LiveCall> change) {
        store.bySession(sessionId).ifPresent(found -> inChannelCall(found.channelId(), (work, call) -> {
            if (call.session(sessionId).isPresent()) {
                change.accept(work, call);
            }
        }));
    }

    /** Changes the session and its call as they are under the lock; refused when the session is in no call. */
    public void inCallOfSession(String sessionId, SessionChange change) {
        inChannel(callOfSession(sessionId).channelId(), work -> {
            LiveCall call = callOfSession(sessionId);
            change.apply(work, call, call.session(sessionId).orElseThrow());
            return null;
        });
    }

    private LiveCall running(String callId) {
        return store.byId(callId).orElseThrow(() -> CallsException.notFound("api.calls.not_found",
                "No running call with id " + callId + "."));
    }

    private LiveCall callOfSession(String sessionId) {
        return store.bySession(sessionId).orElseThrow(() -> CallsException.notFound("api.calls.session.not_found",
                "No call has session " + sessionId + "."));
    }

    private void rollback() {
        try {
            transaction.rollback();
        } catch (SystemException | IllegalStateException e) {
            LOG.debugf("rolling back a call change: %s", e.getMessage());
        }
    }
}
