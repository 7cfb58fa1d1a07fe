package dev.calls.media.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread has allocated so far, from HotSpot's per-thread counter (the same one JMH's
 * {@code -prof gc} reads). Lets a benchmark subtract what its per-invocation setup allocated.
 */
public final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    public static long currentThreadAllocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
