package dev.calls.media.transport;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Runs a media thread's loop at a lower nice value (a higher priority, sched(7)) than the rest of the
 * server. On a server whose cores are all busy — a crowd joining a large call brings handshakes, signaling to
 * every member, transactions, collections and the JIT at once — the scheduler otherwise shares the cores
 * evenly among all runnable threads, and the few that forward the call in progress fall behind by the
 * quarter second at which they drop (docs/benchmarks.md, "Media threads ahead of the joins"). With a lower
 * nice value they take the CPU they need first; the rest of the server gets what is left, so joins slow
 * down instead of the call breaking up.
 *
 * <p>Linux keeps a nice value per thread, set through {@code libcallsudp} (Java has no per-thread
 * setting: {@code Thread.setPriority} is ignored by default). Lowering it below the process's needs
 * {@code CAP_SYS_NICE} or an {@code RLIMIT_NICE} that allows it (setpriority(2)); without them, or without the
 * library, the loop runs at the thread's priority and a warning says how to allow it, once per deployment.
 */
public final class ThreadNice {

    private static final Logger LOG = Logger.getLogger(ThreadNice.class);
    private static final int EACCES = 13;
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ThreadNice() {
    }

    /**
     * Runs {@code body} on this thread at nice value {@code nice}, then puts the thread's previous value back
     * (the threads are pooled in the server). {@code 0} leaves the thread's priority as it is.
     */
    public static void runAt(int nice, Runnable body) {
        int previous = nice == 0 ? Integer.MIN_VALUE : ofCurrentThread();
        boolean changed = previous != Integer.MIN_VALUE && previous != nice && applied(nice);
        try {
            body.run();
        } finally {
            if (changed) {
                // Raising a nice value back is always allowed; a failure would leave a pooled thread favoured.
                int error = set(previous);
                if (error != 0) {
                    LOG.warnf("thread %s keeps nice value %d: setting it back to %d failed (errno %d)",
                            Thread.currentThread().getName(), nice, previous, error);
                }
            }
        }
    }

    /** This thread's nice value, or {@link Integer#MIN_VALUE} without the library. */
    static int ofCurrentThread() {
        return NativeUdp.available() ? current() : Integer.MIN_VALUE;
    }

    private static boolean applied(int nice) {
        int error = set(nice);
        if (error != 0 && WARNED.compareAndSet(false, true)) {
            LOG.warnf("the media threads run at the server's own priority: setting their nice value to %d was "
                    + "refused (errno %d%s). Under a burst of joins they then share the cores with everything else "
                    + "and a large call can break up; allow it with LimitNICE=%d or "
                    + "AmbientCapabilities=CAP_SYS_NICE in the server's systemd unit, or set mediaThreadNice to 0 to silence this",
                    nice, error, error == EACCES ? ", EACCES: not permitted" : "", nice);
        }
        return error == 0;
    }

    private static native int current();

    private static native int set(int nice);
}
