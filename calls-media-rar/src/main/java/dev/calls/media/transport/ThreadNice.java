package dev.calls.media.transport;

/**
 * Runs a media thread's loop at a lower nice value (a higher priority, sched(7)) than the rest of the
 * server. On a server whose cores are all busy — a crowd joining a large call brings handshakes, signaling to
 * every member, transactions, collections and the JIT at once — the scheduler otherwise shares the cores
 * evenly among all runnable threads, and the few that forward the call in progress fall behind by the
 * quarter second at which they drop: on two cores with 1000 joining one call in a minute, the call in
 * progress lost 30–50 % of its audio while they joined. With a lower nice value they take the CPU they
 * need first; the rest of the server gets what is left, so joins slow down instead of the call breaking up.
 * A nice value only orders threads of one scheduling group: against other processes {@link ThreadRealtime}
 * is what puts the media first.
 *
 * <p>Linux keeps a nice value per thread, set through {@code libcallsudp} (Java has no per-thread
 * setting: {@code Thread.setPriority} is ignored by default). Lowering it below the process's needs
 * {@code CAP_SYS_NICE} or an {@code RLIMIT_NICE} that allows it (setpriority(2)); without them, or without the
 * library, the loop runs at the thread's priority and a warning says how to allow it, once per deployment.
 */
public final class ThreadNice extends ThreadAttribute {

    private static final ThreadNice NICE = new ThreadNice();

    private ThreadNice() {
    }

    /**
     * Runs {@code body} on this thread at nice value {@code nice}, then puts the thread's previous value back.
     * {@code 0} leaves the thread's priority as it is.
     */
    public static void runAt(int nice, Runnable body) {
        NICE.runWith(nice, body);
    }

    /** This thread's nice value, or {@link #UNKNOWN} without the library. */
    static int ofCurrentThread() {
        return NICE.current();
    }

    @Override
    int current() {
        return NativeUdp.available() ? niceValue() : UNKNOWN;
    }

    @Override
    int set(int nice) {
        return setNiceValue(nice);
    }

    @Override
    String name() {
        return "nice value";
    }

    @Override
    String refusal(int nice, int errno) {
        return String.format("the media threads run at the server's own priority: setting their nice value to %d was "
                + "refused (errno %s). Under a burst of joins they then share the cores with everything else "
                + "and a large call can break up; allow it with LimitNICE=%d or "
                + "AmbientCapabilities=CAP_SYS_NICE in the server's systemd unit, or set mediaThreadNice to 0 to silence this",
                nice, describe(errno), nice);
    }

    private static native int niceValue();

    private static native int setNiceValue(int nice);
}
