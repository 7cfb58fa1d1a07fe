package dev.calls.media.sfu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import dev.calls.media.transport.PacketSender;

/**
 * The engine's forwarding threads and how subscribers are shared among them. A receive thread decrypts a
 * packet once and queues one copy per worker that serves any of the track's subscribers; each worker then
 * encrypts and sends it to its own share. Each session is given one worker when it is created, round robin,
 * so the fan-out of a large call is spread evenly and a session's outgoing media has one thread.
 */
public final class Forwarding {

    private final ForwardWorker[] workers;
    private final AtomicInteger nextWorker = new AtomicInteger();

    /**
     * @param threads    forwarding workers, at least 1
     * @param queueSlots packets each worker's queue holds (a power of two); more are dropped and counted
     * @param senders    the socket worker {@code i} sends on
     */
    public Forwarding(int threads, int queueSlots, IntFunction<PacketSender> senders) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one forwarding thread: " + threads);
        }
        workers = new ForwardWorker[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new ForwardWorker(i, new ForwardQueue<>(queueSlots, ForwardBuffers.SIZE),
                    new ForwardBuffers(senders.apply(i), ForwardBuffers.WORKER_BATCH));
        }
    }

    /** The worker a new session's outgoing media is given to. */
    int assign() {
        return Math.floorMod(nextWorker.getAndIncrement(), workers.length);
    }

    int workerCount() {
        return workers.length;
    }

    /** Queues a copy of the packet for worker {@code worker}; false when its queue was full (counted). */
    boolean offer(int worker, Recipients route, byte[] buf, int off, int len, long receivedAtNanos) {
        return workers[worker].offer(route, buf, off, len, receivedAtNanos);
    }

    /** The workers, to be run each on a long-lived thread of its own. */
    public List<ForwardWorker> workers() {
        return List.of(workers);
    }

    /** The working buffers of every worker (their forwarding-latency histograms). */
    public List<ForwardBuffers> buffers() {
        List<ForwardBuffers> all = new ArrayList<>(workers.length);
        for (ForwardWorker worker : workers) {
            all.add(worker.buffers());
        }
        return all;
    }

    /** Packets dropped because a worker's queue was full. */
    public long dropped() {
        long sum = 0;
        for (ForwardWorker worker : workers) {
            sum += worker.dropped();
        }
        return sum;
    }

    /** Packets dropped because they waited too long in a worker's queue ({@link ForwardWorker#MAX_QUEUE_DELAY_NANOS}). */
    public long late() {
        long sum = 0;
        for (ForwardWorker worker : workers) {
            sum += worker.late();
        }
        return sum;
    }

    public void stop() {
        for (ForwardWorker worker : workers) {
            worker.stop();
        }
    }
}
