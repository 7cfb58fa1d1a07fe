package dev.calls.load.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

import dev.calls.load.signaling.ServerMetrics;
import dev.calls.media.api.EngineStats;

/**
 * The metrics of an engine running in the tool's own JVM. CPU: the sum of the per-thread CPU time
 * (ThreadMXBean) of the engine's threads — its receive loops, which decrypt and route every packet, its
 * forwarding workers, which encrypt and send every forwarded packet, its timer, and its DTLS handshake
 * threads — so the simulated participants' threads
 * are not counted. Heap and RSS cannot be split between the engine and the participants in one JVM: they
 * are the whole JVM's, an upper bound for the engine's.
 */
public final class InProcessMetrics implements ServerMetrics {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Supplier<List<Thread>> engineThreads;
    private final Supplier<EngineStats> engineStats;

    public InProcessMetrics(Supplier<List<Thread>> engineThreads, Supplier<EngineStats> engineStats) {
        this.engineThreads = engineThreads;
        this.engineStats = engineStats;
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    @Override
    public long cpuNanos() {
        long total = 0;
        for (Thread thread : engineThreads.get()) {
            long nanos = threads.getThreadCpuTime(thread.getId());
            if (nanos > 0) {
                total += nanos;
            }
        }
        return total;
    }

    @Override
    public long heapAfterGcBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public long rssBytes() {
        return ProcFiles.rssBytes("self");
    }

    @Override
    public EngineStats.Latency forwarding() {
        return engineStats.get().forwarding();
    }

    @Override
    public String method() {
        return "in-process engine: CPU = ThreadMXBean CPU time of the engine's receive, forwarding, timer and DTLS threads; "
                + "heap (after System.gc) and RSS are the whole JVM's, engine and simulated participants together";
    }
}
