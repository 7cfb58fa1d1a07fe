package dev.calls.ejb.media;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.calls.media.api.MediaEvent;

/**
 * Handles the engine's events one call at a time, each call in its own order, on the server's managed
 * executor: the resource adapter delivers every call's events on one thread, and a call whose handler waits
 * (a session closing waits for its channel's lock) must not hold up another call's offers and voice activity.
 */
@ApplicationScoped
public class EngineEventExecutor {

    private static final Logger LOG = Logger.getLogger(EngineEventExecutor.class);

    /**
     * Events one call may have waiting; more are dropped and counted. A call's events come a few per session
     * and second (offers, voice on and off), so a full queue means its handler is stuck, not busy.
     */
    static final int EVENTS_PER_CALL = 1024;

    @Resource
    ManagedExecutorService pool;

    private KeyedSerialExecutor calls;

    @PostConstruct
    void start() {
        calls = new KeyedSerialExecutor(pool, EVENTS_PER_CALL);
    }

    /** Runs the event's handler after the earlier events of the same call (of the session, when it has no call). */
    public void execute(MediaEvent event, Runnable handler) {
        String key = event.callId() != null ? event.callId() : event.sessionId();
        if (!calls.execute(key, handler)) {
            LOG.debugf("media event %s dropped: its call's queue is full", event);
        }
    }

    /** Events dropped because their call's queue was full, since the application started. */
    public long dropped() {
        return calls.dropped();
    }
}
