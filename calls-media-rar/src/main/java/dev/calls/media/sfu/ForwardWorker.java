package dev.calls.media.sfu;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

/**
 * One forwarding thread: takes packets that receive threads decrypted and routed, and encrypts and sends
 * each to the subscribers assigned to this worker. Every subscriber belongs to exactly one worker, so its
 * outgoing RTP (SRTP rollover counters, the order of its packets) is only ever handled by this thread.
 *
 * <p>Sleeps when its queue is empty and is woken by the receive thread that queues the next packet; it runs
 * until {@link #stop()}. The caller runs it on a long-lived thread of its own (in the server: long-running
 * Work from the resource adapter's WorkManager).
 */
public final class ForwardWorker implements Runnable {

    /**
     * A packet that waited longer than this in the queue is dropped (and counted) instead of sent. Only a
     * worker starved of CPU falls this far behind; a voice packet a quarter of a second late is past what
     * receivers' jitter buffers play out, and forwarding the backlog would keep every later packet just as
     * late, so dropping it lets the worker catch up at once rather than seconds later.
     */
    static final long MAX_QUEUE_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private static final Logger LOG = Logger.getLogger(ForwardWorker.class);

    private final int index;
    private final ForwardQueue<Recipients> queue;
    private final ForwardBuffers buffers;
    private final ForwardQueue.Handler<Recipients> deliver;
    private volatile Thread thread;
    private volatile boolean sleeping;
    private volatile boolean running = true;
    /** Packets dropped for waiting too long; written by this worker's thread only. */
    private volatile long late;

    ForwardWorker(int index, ForwardQueue<Recipients> queue, ForwardBuffers buffers) {
        this.index = index;
        this.queue = queue;
        this.buffers = buffers;
        this.deliver = (route, buf, len, receivedAtNanos) -> {
            if (System.nanoTime() - receivedAtNanos > MAX_QUEUE_DELAY_NANOS) {
                late = late + 1;
                return;
            }
            this.buffers.receivedAtNanos = receivedAtNanos;
            route.deliver(this.buffers, this.index, buf, len);
        };
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            if (drain() > 0) {
                continue;
            }
            // Hand-shake with offer(): each side writes its own volatile (sleeping, the slot's sequence)
            // before reading the other's, so a packet queued while the worker falls asleep always wakes it.
            sleeping = true;
            if (queue.isEmpty() && running) {
                LockSupport.park(this);
            }
            sleeping = false;
        }
    }

    /**
     * Forwards every packet queued now; returns how many. Only this worker's thread calls it (or, where no
     * thread runs the worker, the one thread that stands in for it, as the forward-path benchmark does).
     * The encrypted datagrams go out in batches as they fill, and what is left once the queue is empty goes
     * out before the worker returns (and may sleep): consecutive packets share system calls, and no datagram
     * waits for a packet that has not arrived.
     */
    int drain() {
        int done = 0;
        while (true) {
            try {
                if (!queue.poll(deliver)) {
                    buffers.flush();
                    return done;
                }
            } catch (RuntimeException e) {
                // A bug in one packet's handling must not stop forwarding for every call; logged, not per packet normally.
                LOG.errorf(e, "forwarding a packet failed");
            }
            done++;
        }
    }

    /** Queues a packet for this worker's share of the route's subscribers; false (and counted) when full. */
    boolean offer(Recipients route, byte[] buf, int off, int len, long receivedAtNanos) {
        boolean queued = queue.offer(route, buf, off, len, receivedAtNanos);
        if (queued && sleeping) {
            LockSupport.unpark(thread);
        }
        return queued;
    }

    /** Ends {@link #run()} after the packet in hand; what is still queued is dropped with the engine. */
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    int index() {
        return index;
    }

    long dropped() {
        return queue.dropped();
    }

    /** Packets dropped because they waited more than {@link #MAX_QUEUE_DELAY_NANOS} in the queue. */
    long late() {
        return late;
    }

    ForwardBuffers buffers() {
        return buffers;
    }
}
