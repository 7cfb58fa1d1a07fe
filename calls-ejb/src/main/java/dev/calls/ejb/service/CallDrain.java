package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.error.CallsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The calls' part of a clean shutdown: from the moment it starts no join is taken (a client is told
 * {@code server_shutting_down} and tries again once the server is back), then every running call ends
 * now, with the reason {@code server_shutdown}, so that its participants hear {@code call_end} and its
 * record ends at the true time. Whatever is left when the time is up is ended at its last heartbeat by
 * {@link CallRecovery} at the next start.
 *
 * <p>The container stops the call services and the web module side by side: {@link CallShutdown} ends the
 * calls while the call services still run, and signaling waits for that ({@link #awaitEnded}) before it
 * closes the sockets, so the {@code call_end}s go out first.
 */
@ApplicationScoped
public class CallDrain {

    /** The most a shutdown waits for the calls to end and their participants to hear of it. */
    public static final long DRAIN_SECONDS = 5;

    /** How long a client waits before joining again, about what a reload of the server takes. */
    static final long RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(CallDrain.class);

    @Inject
    CallStateStore store;

    @Inject
    CallChanges changes;

    @Inject
    CallDepartures departures;

    private volatile boolean draining;
    private final CountDownLatch ended = new CountDownLatch(1);

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
        try {
            return endRunning(deadlineNanos);
        } finally {
            ended.countDown();
        }
    }

    /** Waits until {@link #endAll} finished, or {@code deadlineNanos}; whether it finished. */
    public boolean awaitEnded(long deadlineNanos) throws InterruptedException {
        return ended.await(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private int endRunning(long deadlineNanos) {
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
