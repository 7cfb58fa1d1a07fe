package dev.calls.load.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import dev.calls.media.transport.DatagramBatch;
import dev.calls.media.transport.Destination;
import dev.calls.media.transport.UdpPort;
import dev.calls.media.transport.PacketSender;

/**
 * What the machine of a run is: its processor and the CPU time one loopback datagram costs it, measured just
 * before the run with the engine's own batched sender. Most of the server's cost per forwarded packet is that
 * datagram's send and, on loopback, its delivery, and machines of the same size differ by several times in it
 * (docs/benchmarks.md); a report that carries the reference can be set against one from another machine by
 * the ratio of the two, which one run's absolute figures cannot.
 *
 * @param processor              the model name in {@code /proc/cpuinfo}, or "unknown"
 * @param loopbackDatagramMicros the sending thread's CPU time per datagram, or -1 where it was not measured
 */
public record MachineReference(String processor, double loopbackDatagramMicros) {

    /** A forwarded Opus packet with its SRTP tag. */
    public static final int DATAGRAM_BYTES = 136;
    /** A forwarding worker's batch ({@code ForwardBuffers.WORKER_BATCH}). */
    static final int BATCH = 64;
    private static final int WARM_UP_BATCHES = 300;
    private static final int MEASURED_BATCHES = 1500;

    /**
     * Sends {@value #MEASURED_BATCHES} batches of {@value #BATCH} datagrams of {@value #DATAGRAM_BYTES} bytes
     * to a socket on 127.0.0.1 that another thread drains, after {@value #WARM_UP_BATCHES} to warm up, and
     * times the sending thread's CPU. Takes 0.1–1 s.
     */
    public static MachineReference measure() {
        return new MachineReference(ProcFiles.processorModel(), timeLoopbackDatagram());
    }

    private static double timeLoopbackDatagram() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return -1;
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramChannel sink = DatagramChannel.open();
                UdpPort port = UdpPort.bind(new InetSocketAddress(loopback, 0), 1, 1 << 20)) {
            sink.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            sink.bind(new InetSocketAddress(loopback, 0));
            Thread drain = new Thread(() -> drain(sink), "load-reference-sink");
            drain.setDaemon(true);
            drain.start();
            Destination to = new Destination((InetSocketAddress) sink.getLocalAddress());
            PacketSender sender = port.sender(0);
            DatagramBatch batch = new DatagramBatch(BATCH, DATAGRAM_BYTES);
            byte[] datagram = new byte[DATAGRAM_BYTES];
            send(sender, batch, datagram, to, WARM_UP_BATCHES);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long sent = send(sender, batch, datagram, to, MEASURED_BATCHES);
            long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            return sent == 0 ? -1 : cpu / 1e3 / sent;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long send(PacketSender sender, DatagramBatch batch, byte[] datagram, Destination to, int batches) {
        long sent = 0;
        for (int b = 0; b < batches; b++) {
            batch.clear();
            for (int i = 0; i < BATCH; i++) {
                batch.add(datagram, 0, datagram.length, to);
            }
            sender.send(batch);
            for (int i = 0; i < BATCH; i++) {
                if (batch.sent(i)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Receives until the socket closes, so that the datagrams are delivered rather than dropped at a full buffer. */
    private static void drain(DatagramChannel sink) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        try {
            while (true) {
                buffer.clear();
                sink.receive(buffer);
            }
        } catch (IOException e) {
            // closed: the measurement is over
        }
    }
}
