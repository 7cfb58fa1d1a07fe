package dev.calls.load.client;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A lossy, slow uplink in user space, between a simulated publisher's sender and its socket, for machines
 * without netem: while it is on, each packet is dropped with probability {@code lossPercent} and the others
 * are delayed by {@code delayMillis} ± {@code jitterMillis}, drawn uniformly as netem draws its jitter when
 * given no distribution. Unlike netem's jitter, the path keeps the packets' order, as a link's queue does: a
 * packet never leaves before the one sent before it (so its delay is at least the one before's). Off,
 * packets go at once once those still delayed have gone.
 *
 * <p>The draws come from a generator seeded with {@code seed} each time it is switched on, so that two
 * windows of the same run drop the same packets of the original stream. Retransmissions draw from a
 * second generator, so that answering NACKs in one window does not change which original packets the
 * other loses. At most {@link #MAX_DELAYED} packets wait at once; beyond, a packet is dropped and counted.
 */
public final class UplinkImpairment {

    static final int MAX_DELAYED = 4096;
    private static final long REPEAT_SEED_SALT = 0x5DEECE66DL;

    /** The impairment's figures, as given on the command line. */
    public record Shape(double lossPercent, int delayMillis, int jitterMillis, long seed) {

        public Shape {
            if (lossPercent < 0 || lossPercent > 100 || delayMillis < 0 || jitterMillis < 0 || jitterMillis > delayMillis) {
                throw new IllegalArgumentException("uplink loss must be 0-100 %, and the jitter at most the delay");
            }
        }
    }

    private final Shape shape;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<Delayed> waiting = new ArrayDeque<>();
    private Random originals;
    private Random repeats;
    private boolean on;
    private long lastDue;
    private long dropped;
    private long overflow;

    /** A packet on its way. */
    private record Delayed(long due, byte[] packet, UdpEndpoint out) {
    }

    /** @param timer sends the delayed packets when they are due */
    public UplinkImpairment(Shape shape, ScheduledExecutorService timer) {
        this.shape = shape;
        this.timer = timer;
    }

    public Shape shape() {
        return shape;
    }

    /** Starts impairing, with the generators seeded anew. */
    public synchronized void start() {
        originals = new Random(shape.seed());
        repeats = new Random(shape.seed() ^ REPEAT_SEED_SALT);
        on = true;
    }

    /** Stops impairing: packets go at once; those already delayed still go when due. */
    public synchronized void stop() {
        on = false;
    }

    /** Packets dropped as lost, or because too many waited. */
    public synchronized long dropped() {
        return dropped + overflow;
    }

    /** Whether no packet is waiting to be sent. */
    synchronized boolean idle() {
        return waiting.isEmpty();
    }

    /**
     * Sends {@code buf[off, off + len)} through {@code out} now, later or never.
     *
     * @param repeat whether the packet is a retransmission
     */
    void send(UdpEndpoint out, byte[] buf, int off, int len, boolean repeat) {
        long delay;
        synchronized (this) {
            delay = on ? delayNanos(repeat ? repeats : originals) : 0;
            if (delay < 0) {
                dropped++;
                return;
            }
            if (delay > 0 || !waiting.isEmpty()) {
                if (waiting.size() >= MAX_DELAYED) {
                    overflow++;
                    return;
                }
                long now = System.nanoTime();
                long due = Math.max(now + delay, lastDue);
                lastDue = due;
                waiting.add(new Delayed(due, Arrays.copyOfRange(buf, off, off + len), out));
                timer.schedule(this::sendDue, due - now, TimeUnit.NANOSECONDS);
                return;
            }
        }
        out.send(buf, off, len);
    }

    /** Sends the packets that are due, first in first out; on the timer's thread. */
    private void sendDue() {
        while (true) {
            Delayed next;
            synchronized (this) {
                next = waiting.peek();
                if (next == null || next.due() > System.nanoTime()) {
                    return;
                }
                waiting.poll();
            }
            next.out().send(next.packet(), 0, next.packet().length);
        }
    }

    /**
     * One packet's fate: -1 when it is lost, else its delay in nanoseconds (at least 1). Both draws are made
     * for every packet, so that the losses of a seed do not depend on the delays.
     */
    long delayNanos(Random random) {
        boolean lost = random.nextDouble() * 100 < shape.lossPercent();
        double spread = random.nextDouble() * 2 - 1;
        if (lost) {
            return -1;
        }
        long delay = TimeUnit.MILLISECONDS.toNanos(shape.delayMillis())
                + Math.round(spread * TimeUnit.MILLISECONDS.toNanos(shape.jitterMillis()));
        return Math.max(1, delay);
    }
}
