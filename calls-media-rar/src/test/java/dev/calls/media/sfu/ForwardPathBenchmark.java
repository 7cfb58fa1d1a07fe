package dev.calls.media.sfu;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.calls.media.bench.SetupAllocation;
import dev.calls.media.srtp.SrtpProfile;

/**
 * The forward path of one voice packet, all of it on the benchmark thread: what the publisher's receive
 * thread does (SRTP decrypt once, statistics, voice activity, a copy queued for the forwarding worker),
 * then what the worker does (for each of N subscribers copy, adapt, SRTP encrypt with its keys and send
 * over UDP to 127.0.0.1). One op forwards one packet to N subscribers: CPU time per forwarded packet is
 * score / N, bytes allocated per forwarded packet (gc.alloc.rate.norm - setupBytes / setups) / N.
 *
 * <p>The next packet is encrypted as the publisher's browser would before each op (setup, not timed; its
 * allocation is reported as setupBytes). All subscribers' datagrams go to one drained socket; the tear-down
 * prints datagrams sent, refused and received so that drops are seen, not hidden, and the benchmark thread's
 * CPU time per forwarded packet over the whole trial (warm-up and the untimed setups included): unlike the
 * score, it does not grow while other processes hold the core.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
// The benchmark sends one track far faster than a voice: the per-track rate limit would drop almost every packet.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dcalls.limit.audioPacketsPerSecond=2000000000"})
public class ForwardPathBenchmark {

    @Param({"1", "10", "100", "1000"})
    int subscribers;

    @Param({"AEAD_AES_128_GCM", "AES_CM_128_HMAC_SHA1_80"})
    SrtpProfile profile;

    private ConnectedCall call;
    private final byte[] packet = new byte[ForwardBuffers.SIZE];
    private int length;
    private int sequence;
    private long forwarded;
    private long receivedBefore;
    private long benchmarkThread = -1;
    private long cpuStartNanos;

    @Setup(Level.Trial)
    public void startCall() throws Exception {
        call = ConnectedCall.withSubscribers(profile, subscribers);
        if (call.publishedSubscriberCount() != subscribers) {
            throw new IllegalStateException("only " + call.publishedSubscriberCount() + " subscriptions");
        }
        Thread.sleep(200);
        receivedBefore = call.sink().received();
    }

    @Setup(Level.Invocation)
    public void nextPacket(SetupAllocation allocation) {
        if (benchmarkThread < 0) {
            benchmarkThread = Thread.currentThread().getId();
            cpuStartNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
        allocation.begin();
        int plain = OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, sequence++ & 0xFFFF);
        length = call.publisherClient().protectRtp(packet, 0, plain);
        allocation.end();
    }

    @Benchmark
    public void forward() {
        call.publisher().onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
        call.drainWorkers();
        forwarded += subscribers;
    }

    @TearDown(Level.Trial)
    public void endCall() throws Exception {
        Thread.sleep(500);
        long received = call.sink().received() - receivedBefore;
        long cpuNanos = ManagementFactory.getThreadMXBean().getThreadCpuTime(benchmarkThread) - cpuStartNanos;
        System.out.printf("%n[forward] N=%d %s: forwarded %d, send refused %d, received %d (%.3f%% lost), "
                + "SRTP drops %d, queue drops %d, sink buffer %d B, benchmark thread CPU %.3f µs per forwarded "
                + "packet%n", subscribers, profile, forwarded,
                call.sendFailures(), received,
                forwarded == 0 ? 0 : 100.0 * (forwarded - received) / forwarded, call.publisher().srtpDrops(),
                call.forwarding().dropped(), call.sink().receiveBufferBytes(),
                forwarded == 0 ? 0 : cpuNanos / 1000.0 / forwarded);
        call.close();
    }
}
