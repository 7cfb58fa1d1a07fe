package dev.calls.media.jca;

import jakarta.resource.spi.work.Work;

/**
 * Engine work on a thread of the container's work manager: a loop that runs as long as the adapter is
 * started (receive loops, the session timer, event delivery) or one DTLS handshake.
 * {@link #release()} is how the container asks it to end.
 */
final class RunnableWork implements Work {

    private final Runnable body;
    private final Runnable stop;

    RunnableWork(Runnable body, Runnable stop) {
        this.body = body;
        this.stop = stop;
    }

    @Override
    public void run() {
        body.run();
    }

    @Override
    public void release() {
        stop.run();
    }
}
