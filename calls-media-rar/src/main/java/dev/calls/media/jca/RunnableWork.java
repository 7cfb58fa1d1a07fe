package dev.calls.media.jca;

import jakarta.resource.spi.work.Work;

import org.jboss.logging.Logger;

/**
 * Engine work on a thread of the container's work manager: a loop that runs as long as the adapter is
 * started (receive loops, forwarding workers, the session timer, event delivery) or a short task.
 * {@link #release()} is how the container asks it to end. An {@link Error} (out of memory) that ends it is
 * logged at error level here, as the work manager may not say, and passed on.
 */
final class RunnableWork implements Work {

    private static final Logger LOG = Logger.getLogger(RunnableWork.class);

    private final Runnable body;
    private final Runnable stop;

    RunnableWork(Runnable body, Runnable stop) {
        this.body = body;
        this.stop = stop;
    }

    @Override
    public void run() {
        try {
            body.run();
        } catch (Error e) {
            LOG.errorf(e, "media engine thread %s ended by %s", Thread.currentThread().getName(), e);
            throw e;
        }
    }

    @Override
    public void release() {
        stop.run();
    }
}
