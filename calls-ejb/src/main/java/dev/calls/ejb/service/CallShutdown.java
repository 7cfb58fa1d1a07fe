package dev.calls.ejb.service;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Ends every running call when the application stops (undeploy, reload, shutdown) — see {@link CallDrain}.
 * It depends on {@link CallChanges}, so the container destroys it first, while every call can still change.
 */
@Singleton
@Startup
@DependsOn("CallChanges")
public class CallShutdown {

    private static final Logger LOG = Logger.getLogger(CallShutdown.class);

    @Inject
    CallDrain drain;

    @PreDestroy
    void endCalls() {
        int ended = drain.endAll(System.nanoTime() + TimeUnit.SECONDS.toNanos(CallDrain.DRAIN_SECONDS));
        LOG.infof("Shutting down: ended %d running call(s)", ended);
    }
}
