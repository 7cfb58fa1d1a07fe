package dev.calls.media.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Datagrams waiting to be sent together, each in a fixed slot of one direct buffer, with their destinations
 * in the arrays that {@link NativeUdp#sendmmsg} reads. A {@link PacketSender} sends them all and records for
 * each whether it went; then the owner reads the results and {@link #clear() clears} the batch. Belongs to
 * one thread; allocates nothing after construction.
 *
 * <p>The slab is direct so that the native call reads the datagrams where they are (a heap array would have
 * to be pinned or copied) and so that the per-datagram fallback's {@code DatagramChannel.send} does not copy
 * each one into a temporary direct buffer, as it does for heap buffers.
 */
public final class DatagramBatch {

    static final int ADDRESS_BYTES = 16;

    private final int capacity;
    private final int slotBytes;
    final ByteBuffer slab;
    /** A second view of the slab for sending one slot at a time, so the slab's own position stays put. */
    private final ByteBuffer view;
    final int[] offsets;
    final int[] lengths;
    final byte[] addresses;
    final int[] ports;
    final int[] scopes;
    final Destination[] destinations;
    /** Bytes sent of each datagram after a send, -1 if it was refused. */
    final int[] results;
    private int count;

    /**
     * @param capacity  datagrams the batch holds
     * @param slotBytes the largest datagram
     */
    public DatagramBatch(int capacity, int slotBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a batch holds at least one datagram: " + capacity);
        }
        this.capacity = capacity;
        this.slotBytes = slotBytes;
        slab = ByteBuffer.allocateDirect(capacity * slotBytes);
        view = slab.duplicate();
        offsets = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            offsets[i] = i * slotBytes;
        }
        lengths = new int[capacity];
        addresses = new byte[capacity * ADDRESS_BYTES];
        ports = new int[capacity];
        scopes = new int[capacity];
        destinations = new Destination[capacity];
        results = new int[capacity];
    }

    /** Copies {@code buf[off, off + len)} into the next slot, for {@code to}; the caller checks {@link #isFull()} first. */
    public void add(byte[] buf, int off, int len, Destination to) {
        if (len > slotBytes) {
            throw new IllegalArgumentException("datagram of " + len + " bytes, slots hold " + slotBytes);
        }
        int i = count;
        slab.put(offsets[i], buf, off, len);
        lengths[i] = len;
        to.copyIpv6(addresses, i * ADDRESS_BYTES);
        ports[i] = to.port();
        scopes[i] = to.scopeId();
        destinations[i] = to;
        results[i] = -1;
        count = i + 1;
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public boolean isFull() {
        return count == capacity;
    }

    /** Copies datagram {@code i} to the start of {@code to} and returns its length. */
    public int copy(int i, byte[] to) {
        slab.get(offsets[i], to, 0, lengths[i]);
        return lengths[i];
    }

    /** After a send: whether datagram {@code i} went. */
    public boolean sent(int i) {
        return results[i] >= 0;
    }

    /** Forgets the datagrams (after their results were read). */
    public void clear() {
        count = 0;
    }

    /** The fallback: one {@code DatagramChannel.send} (one sendto(2)) per datagram. */
    void sendEach(DatagramChannel channel) {
        for (int i = 0; i < count; i++) {
            view.limit(offsets[i] + lengths[i]).position(offsets[i]);
            try {
                results[i] = channel.send(view, destinations[i].address()) == lengths[i] ? lengths[i] : -1;
            } catch (IOException e) {
                results[i] = -1;
            }
        }
    }
}
