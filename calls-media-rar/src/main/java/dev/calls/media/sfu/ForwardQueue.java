package dev.calls.media.sfu;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The hand-off from receive threads to one forwarding thread: a bounded ring of preallocated slots, each
 * holding a copy of one packet and where it goes. Any number of threads offer, one thread takes. Offering
 * never blocks and never allocates: when the ring is full the packet is dropped and counted, as media must
 * not wait.
 *
 * <p>The ring is a bounded multi-producer queue with a sequence number per slot (the scheme D. Vyukov
 * published): a producer claims a position with one compare-and-set, writes the slot and then publishes it
 * by setting its sequence; the consumer reads a slot only once published and hands it back by advancing its
 * sequence one lap. A producer that finds the slot of its position not yet handed back sees the ring full.
 *
 * @param <T> what the packet is for (preexisting objects: the queue only keeps the reference)
 */
final class ForwardQueue<T> {

    /** Takes one packet out of the queue; the bytes are valid only during the call. */
    interface Handler<T> {
        void handle(T route, byte[] buf, int len, long receivedAtNanos);
    }

    private final int mask;
    private final int capacity;
    private final AtomicLongArray sequences;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object[] routes;
    private final byte[][] data;
    private final int[] lengths;
    private final long[] stamps;
    /** Next position to take; only the consumer reads and writes it. */
    private long head;

    /**
     * @param capacity  slots, a power of two
     * @param slotBytes the largest packet a slot holds
     */
    ForwardQueue(int capacity, int slotBytes) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, at least 2: " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.sequences = new AtomicLongArray(capacity);
        this.routes = new Object[capacity];
        this.data = new byte[capacity][slotBytes];
        this.lengths = new int[capacity];
        this.stamps = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            sequences.set(i, i);
        }
    }

    /**
     * Copies {@code buf[off, off + len)} into the next free slot with its route and arrival time.
     *
     * @return false when the ring was full: the packet is dropped and counted in {@link #dropped()}
     * @throws IndexOutOfBoundsException if the packet is larger than a slot or the range lies outside buf
     */
    boolean offer(T route, byte[] buf, int off, int len, long receivedAtNanos) {
        Objects.checkFromIndexSize(0, len, data[0].length);
        long position = tail.get();
        int index;
        while (true) {
            index = (int) position & mask;
            long lag = sequences.get(index) - position;
            if (lag == 0) {
                if (tail.compareAndSet(position, position + 1)) {
                    break;
                }
                position = tail.get();
            } else if (lag < 0) {
                dropped.incrementAndGet();
                return false;
            } else {
                position = tail.get();
            }
        }
        System.arraycopy(buf, off, data[index], 0, len);
        routes[index] = route;
        lengths[index] = len;
        stamps[index] = receivedAtNanos;
        // A volatile write: it publishes the slot, and orders it before the producer reads whether the
        // consumer sleeps (see ForwardWorker), so that no wake-up is lost.
        sequences.set(index, position + 1);
        return true;
    }

    /**
     * Hands the oldest published packet to the handler; only the consuming thread calls this.
     *
     * @return false when there was none
     */
    @SuppressWarnings("unchecked")
    boolean poll(Handler<? super T> handler) {
        int index = (int) head & mask;
        if (sequences.get(index) != head + 1) {
            return false;
        }
        try {
            handler.handle((T) routes[index], data[index], lengths[index], stamps[index]);
        } finally {
            routes[index] = null;
            sequences.set(index, head + capacity);
            head++;
        }
        return true;
    }

    /** Whether nothing is published for the consumer to take; only the consuming thread calls this. */
    boolean isEmpty() {
        return sequences.get((int) head & mask) != head + 1;
    }

    /** Packets refused because the ring was full. */
    long dropped() {
        return dropped.get();
    }

    int capacity() {
        return capacity;
    }
}
