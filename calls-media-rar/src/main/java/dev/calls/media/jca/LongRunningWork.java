package dev.calls.media.jca;

import jakarta.resource.spi.work.Work;

/**
 * A loop the engine runs for as long as the adapter is started, on a thread of the container's work
 * manager; {@link #release()} is how the container asks it to end.
 */
final class LongRunningWork implements Work {

    private final Runnable body;
    private final Runnable stop;

    LongRunningWork(Runnable body, Runnable stop) {
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
