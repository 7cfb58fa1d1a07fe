package dev.calls.media.transport;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * A scheduling attribute Linux keeps per thread (sched(7)) that a media loop runs under. The server pools
 * its threads, so the thread gets its own value back when the loop ends. Java sets neither of these for
 * one thread; {@code libcallsudp} does.
 */
abstract class ThreadAttribute {

    /** What {@link #current()} returns without the library, or for a value this attribute leaves alone. */
    static final int UNKNOWN = Integer.MIN_VALUE;
    static final int EACCES = 13;
    static final int EPERM = 1;

    private static final Logger LOG = Logger.getLogger(ThreadAttribute.class);

    private final AtomicBoolean warned = new AtomicBoolean();

    /** This thread's value, or {@link #UNKNOWN}. */
    abstract int current();

    /** Sets this thread's value; returns 0 or the errno. */
    abstract int set(int value);

    /** What the attribute is called in log lines. */
    abstract String name();

    /** The warning, logged once per deployment, when the kernel refuses {@code value} with {@code errno}. */
    abstract String refusal(int value, int errno);

    /** Runs {@code body} on this thread with the attribute at {@code value}; {@code 0} leaves it as it is. */
    final void runWith(int value, Runnable body) {
        int previous = value == 0 ? UNKNOWN : current();
        boolean changed = previous != UNKNOWN && previous != value && applied(value);
        try {
            body.run();
        } finally {
            if (changed) {
                int error = set(previous);
                if (error != 0) {
                    // A pooled thread left favoured would run unrelated work ahead of the server's.
                    LOG.warnf("thread %s keeps %s %d: setting it back to %d failed (errno %d)",
                            Thread.currentThread().getName(), name(), value, previous, error);
                }
            }
        }
    }

    private boolean applied(int value) {
        int error = set(value);
        if (error != 0 && warned.compareAndSet(false, true)) {
            LOG.warn(refusal(value, error));
        }
        return error == 0;
    }

    static String describe(int errno) {
        return switch (errno) {
            case EACCES -> errno + ", EACCES: not permitted";
            case EPERM -> errno + ", EPERM: not permitted";
            default -> String.valueOf(errno);
        };
    }
}
