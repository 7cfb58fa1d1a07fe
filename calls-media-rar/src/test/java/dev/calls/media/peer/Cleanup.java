package dev.calls.media.peer;

import org.jboss.logging.Logger;

/**
 * Runs the steps of a teardown so that one failing step does not leave the rest undone (a native
 * resource not freed), keeping the first failure to report once all steps ran.
 */
final class Cleanup {

    private static final Logger LOG = Logger.getLogger(Cleanup.class);

    private final String owner;
    private Throwable firstFailure;

    Cleanup(String owner) {
        this.owner = owner;
    }

    /** Runs one step; webrtc-java reports some native failures as {@link Error}, so those are caught too. */
    void run(String step, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            LOG.warnf(e, "%s: %s failed", owner, step);
            if (firstFailure == null) {
                firstFailure = new IllegalStateException(owner + ": " + step + " failed", e);
            } else {
                firstFailure.addSuppressed(e);
            }
        }
    }

    void rethrowFirstFailure() {
        if (firstFailure instanceof RuntimeException e) {
            throw e;
        }
    }
}
