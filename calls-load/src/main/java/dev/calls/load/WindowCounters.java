package dev.calls.load;

import java.util.List;

import dev.calls.load.client.ClientStats;
import dev.calls.load.client.InboundStream;
import dev.calls.load.client.SimulatedParticipant;
import dev.calls.load.metrics.ProcFiles;
import dev.calls.load.signaling.ServerMetrics;
import dev.calls.media.api.EngineStats;

/**
 * The cumulative counters at one instant; the difference of two is a measurement window. "Forwarded" is
 * what the server sent to receivers, counted from their sequence numbers (expected), so loss is
 * forwarded − received. The server's receive-to-send histogram is cumulative (the engine keeps no window),
 * and the softirq time is the whole machine's. {@code clientReceiveCpuNanos}: the CPU of the kernel thread that
 * receives for participants in a network namespace, -1 on loopback.
 */
record WindowCounters(long nanos, long sent, long forwarded, long received, long decrypted, long authFailures,
        long corrupted, long serverCpuNanos, long serverPacketsOut, EngineStats.Latency serverForwarding, long softirqNanos,
        long clientReceiveCpuNanos, long processCpuNanos, long[] receivedByParticipant) {

    /**
     * @param receiveThread the start of the name of the kernel thread that receives for the participants
     *                      ({@link dev.calls.load.client.SharedAddresses#receiveThreadName()}), or null
     */
    static WindowCounters now(List<SimulatedParticipant> participants, ClientStats stats, ServerMetrics server,
            String receiveThread) {
        long forwarded = 0;
        long received = 0;
        long[] receivedBy = new long[participants.size()];
        for (SimulatedParticipant participant : participants) {
            for (InboundStream stream : participant.streams()) {
                forwarded += stream.expected();
                received += stream.received();
                receivedBy[participant.index()] += stream.received();
            }
        }
        return new WindowCounters(System.nanoTime(), stats.rtpSent(), forwarded, received, stats.decrypted(),
                stats.authFailures(), stats.corrupted(), server.cpuNanos(), server.packetsOut(), server.forwarding(),
                ProcFiles.softirqNanos(), receiveThread == null ? -1 : ProcFiles.cpuNanosOfTasksNamed(receiveThread),
                currentProcessCpuNanos(), receivedBy);
    }

    /** Loss in percent of what was forwarded, -1 when nothing was. */
    static double lossPercent(long forwarded, long received) {
        return forwarded == 0 ? -1 : 100.0 * Math.max(0, forwarded - received) / forwarded;
    }

    /** What participant {@code index} had received at this instant. */
    long receivedBy(int index) {
        return receivedByParticipant[index];
    }

    /** CPU of this whole JVM (tool and, in-process, engine), for telling the tool's own share. */
    private static long currentProcessCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
