package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.error.CallsException;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The calls' part of a clean shutdown: from the moment it starts no join is taken (a client is told
 * {@code server_shutting_down} and tries again once the server is back), then every running call ends
 * now, with the reason {@code server_shutdown}, so that its participants hear {@code call_end} and its
 * record ends at the true time. Whatever is left when the time is up is ended at its last heartbeat by
 * {@link CallRecovery} at the next start.
 *
 * <p>An EJB, and one that names {@link CallChanges} with {@code @EJB}, for the container's stop order: whoever
 * references it with {@code @EJB} (the web module's drain) keeps both running until it stopped itself. Each
 * call ends in a transaction of its own ({@link CallChanges}), so this holds none and no lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CallDrain {

    /** How long a client waits before joining again, about what a reload of the server takes. */
    static final long RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(CallDrain.class);

    @Inject
    CallStateStore store;

    @EJB
    CallChanges changes;

    @Inject
    CallDepartures departures;

    private volatile boolean draining;

    /** Refuses a join once the drain started. */
    public void checkAcceptingJoins() {
        if (draining) {
            throw new CallsException(503, "server_shutting_down",
                    "The server is shutting down; join again once it is back.", RETRY_AFTER_SECONDS);
        }
    }

    /**
     * Refuses joins from now on and ends every running call, until {@code deadlineNanos}
     * ({@link System#nanoTime()}). Returns how many calls it ended.
     */
    public int endAll(long deadlineNanos) {
        draining = true;
        int ended = 0;
        for (LiveCall call : store.all()) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                break;
            }
            try {
                changes.inChannelCall(call.channelId(), (change, running) ->
                        departures.endCall(change, running, System.currentTimeMillis(), CallEndReason.SERVER_SHUTDOWN));
                ended++;
            } catch (RuntimeException e) {
                // One call that cannot end now must not keep the others from ending; recovery ends it.
                LOG.warnf(e, "call %s did not end at shutdown; it ends at the next start", call.id());
            }
        }
        return ended;
    }
}
