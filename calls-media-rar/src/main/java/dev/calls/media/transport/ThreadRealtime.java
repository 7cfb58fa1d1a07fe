package dev.calls.media.transport;

/**
 * Runs a media thread's loop under the round-robin real-time policy, {@code SCHED_RR} (sched(7)), which the
 * kernel runs ahead of every ordinary thread of every process. A nice value ({@link ThreadNice}) orders the
 * threads of one scheduling group only: Linux first shares each core evenly among the groups that want it
 * (autogroups, one per session, or cgroups, one per systemd service), so the media threads of a server
 * sharing its cores with any other busy process got half a core at best, whatever their nice value, and
 * waited on the run queue about as long as they ran. A real-time thread runs as soon as it wakes.
 *
 * <p>The media threads sleep whenever nothing is queued, so they take only what forwarding needs; should
 * that be every core, the kernel still keeps 5 % of each second for ordinary threads
 * ({@code kernel.sched_rt_runtime_us}). Threads a media thread creates start as ordinary threads
 * ({@code SCHED_RESET_ON_FORK}). A priority needs {@code CAP_SYS_NICE} or an {@code RLIMIT_RTPRIO} at least as
 * high; without them, or without the library, the loop runs as before (at its nice value) and a warning
 * says how to allow it, once per deployment.
 */
public final class ThreadRealtime extends ThreadAttribute {

    /** The priorities {@code SCHED_RR} takes (sched_get_priority_min/max(2) on Linux). */
    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 99;

    private static final ThreadRealtime REALTIME = new ThreadRealtime();

    private ThreadRealtime() {
    }

    /**
     * Runs {@code body} on this thread under {@code SCHED_RR} at {@code priority}, then puts the thread's
     * previous scheduling back. {@code 0} leaves it as it is; a thread under another real-time policy too.
     */
    public static void runAt(int priority, Runnable body) {
        REALTIME.runWith(priority, body);
    }

    /**
     * This thread's {@code SCHED_RR} priority, 0 for an ordinary thread, or {@link #UNKNOWN} under another
     * policy or without the library.
     */
    public static int ofCurrentThread() {
        return REALTIME.current();
    }

    @Override
    int current() {
        return NativeUdp.available() ? roundRobinPriority() : UNKNOWN;
    }

    @Override
    int set(int priority) {
        return setRoundRobinPriority(priority);
    }

    @Override
    String name() {
        return "real-time priority";
    }

    @Override
    String refusal(int priority, int errno) {
        return String.format("the media threads run without a real-time priority: SCHED_RR at %d was refused (errno %s). "
                + "They run at mediaThreadNice instead, ahead of the server's other threads but not of other busy "
                + "processes, and a large call can break up while those run; allow it with LimitRTPRIO=%d or "
                + "AmbientCapabilities=CAP_SYS_NICE in the server's systemd unit, or set mediaThreadRealtimePriority "
                + "to 0 to silence this", priority, describe(errno), priority);
    }

    private static native int roundRobinPriority();

    private static native int setRoundRobinPriority(int priority);
}
