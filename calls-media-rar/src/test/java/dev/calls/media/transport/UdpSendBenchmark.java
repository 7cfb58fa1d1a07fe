package dev.calls.media.transport;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.calls.media.bench.UdpSink;

/**
 * One UDP send to 127.0.0.1 (a drained socket): through the media port's {@link PacketSender} from a reused
 * buffer (packet path) and from an array wrapped per send (control path), and straight from a direct buffer
 * on a plain channel, the floor the JDK and the kernel set. 136 bytes is a
 * forwarded Opus packet with its SRTP tag, 1216 a large video packet.
 *
 * <p>The batch benchmarks send a {@link DatagramBatch} of {@value #BATCH} datagrams (a forwarding worker's
 * batch) through a {@link ChannelSender}, once with {@code sendmmsg(2)} ({@link Sendmmsg}; where the library
 * is not loaded that benchmark fails, saying so) and once with one {@code DatagramChannel.send} each (the fallback); their score is
 * per datagram ({@code @OperationsPerInvocation}), comparable with the single sends above. The tear-down
 * also prints the benchmark thread's CPU time per datagram over the trial (warm-up included), which other
 * processes on the machine do not inflate as they do the score.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class UdpSendBenchmark {

    static final int BATCH = 64;

    @Param({"136", "1216"})
    int size;

    private UdpSink sink;
    private InetSocketAddress to;
    private UdpPort port;
    private PacketSender sender;
    private DatagramChannel channel;
    private final byte[] datagram = new byte[2048];
    private final ByteBuffer view = ByteBuffer.wrap(datagram);
    private final ByteBuffer direct = ByteBuffer.allocateDirect(2048);
    private long sent;
    private long refused;
    private DatagramChannel batchChannel;
    private final TrafficCounters batchTraffic = new TrafficCounters();
    private ChannelSender sendmmsg;
    private ChannelSender perDatagram;
    private DatagramBatch batch;
    private long benchmarkThread = -1;
    private long cpuStartNanos;

    /** Notes the benchmark thread and its CPU time before its first iteration. */
    @Setup(Level.Iteration)
    public void startClock() {
        if (benchmarkThread < 0) {
            benchmarkThread = Thread.currentThread().getId();
            cpuStartNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    @Setup(Level.Trial)
    public void open() throws Exception {
        sink = new UdpSink();
        to = sink.address();
        port = UdpPort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, 4 << 20);
        AtomicReference<PacketSender> portSender = new AtomicReference<>();
        port.receiveLoops(s -> {
            portSender.set(s);
            return (buf, off, len, from, replyVia) -> { };
        }, 2048);
        sender = portSender.get();
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        batchChannel = DatagramChannel.open();
        batchChannel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        batchChannel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sendmmsg = NativeUdp.available() ? new ChannelSender(batchChannel, new Sendmmsg(batchChannel), batchTraffic) : null;
        perDatagram = new ChannelSender(batchChannel, BatchSend.perDatagram(batchChannel), batchTraffic);
        batch = new DatagramBatch(BATCH, 2048);
        Destination destination = new Destination(to);
        for (int i = 0; i < BATCH; i++) {
            batch.add(datagram, 0, size, destination);
        }
    }

    /** A worker's batch in one sendmmsg(2); per datagram. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public DatagramBatch batchSendmmsg() {
        if (sendmmsg == null) {
            throw new IllegalStateException("libcallsudp is not loaded: no sendmmsg here");
        }
        sendmmsg.send(batch);
        return batch;
    }

    /** The same batch, one DatagramChannel.send each (the fallback); per datagram. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public DatagramBatch batchPerDatagram() {
        perDatagram.send(batch);
        return batch;
    }

    /** The packet path's form: a reused view of the array. */
    @Benchmark
    public boolean udpSender() {
        view.clear().limit(size);
        boolean ok = sender.send(view, to);
        count(ok);
        return ok;
    }

    /** The control path's form: the array wrapped anew for each send. */
    @Benchmark
    public boolean udpSenderWrapping() {
        boolean ok = sender.send(datagram, 0, size, to);
        count(ok);
        return ok;
    }

    @Benchmark
    public int channelDirectBuffer() throws Exception {
        direct.clear().limit(size);
        int n = channel.send(direct, to);
        count(n == size);
        return n;
    }

    private void count(boolean ok) {
        sent++;
        if (!ok) {
            refused++;
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        Thread.sleep(500);
        long datagrams = sent + batchTraffic.packetsOut() + batchTraffic.refusedSends();
        long cpuNanos = ManagementFactory.getThreadMXBean().getThreadCpuTime(benchmarkThread) - cpuStartNanos;
        System.out.printf("%n[udp] %d B: sent %d (+%d in batches), refused %d (+%d in batches), received %d, "
                + "benchmark thread CPU %.0f ns per datagram%n", size, sent, batchTraffic.packetsOut(), refused,
                batchTraffic.refusedSends(), sink.received(), datagrams == 0 ? 0.0 : (double) cpuNanos / datagrams);
        port.close();
        channel.close();
        batchChannel.close();
        sink.close();
    }
}
