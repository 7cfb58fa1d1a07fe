package dev.calls.media.sfu;

import java.util.Arrays;

import dev.calls.media.rtp.SequenceNumbers;

/**
 * The last packets of one published track, kept as plaintext RTP so that every subscriber's NACK
 * (RFC 4585 §6.2.1) is answered from one copy, encrypted for that subscriber. A ring indexed by
 * sequence number.
 *
 * <p>Memory: nothing is reserved up front. A slot's buffer is allocated when a packet first lands in it,
 * sized to that packet (rounded up to {@value #GRANULE} bytes), and grown when a larger one lands there
 * later, each time taken from the session's {@link HistoryBudget}; when the budget is spent the packet is
 * not kept (a NACK for it goes unanswered, as for a packet already overwritten). So a track costs memory
 * only as packets arrive, storing allocates nothing once every slot has seen its largest packet, and a
 * session that announces many sources cannot hold more than its budget. {@link #release} gives it back.
 *
 * <p>Written by the thread that receives the track, read by the threads answering NACKs; slots are guarded
 * by {@value #LOCKS} striped monitors, uncontended in practice, so a reader never sees a packet half
 * overwritten.
 */
public final class PacketHistory {

    /** Slot sizes are multiples of this: a slot is regrown at most a few times up to the largest packet. */
    static final int GRANULE = 256;
    private static final int LOCKS = 16;

    private final byte[][] slots;
    private final int[] lengths;
    private final int[] sequences;
    private final int mask;
    private final int maxPacketBytes;
    private final HistoryBudget budget;
    private final Object[] locks = new Object[LOCKS];
    private volatile boolean released;

    /**
     * Keeps at most {@code capacity} packets (rounded up to a power of two) of up to {@code maxPacketBytes},
     * within {@code budget}.
     */
    PacketHistory(int capacity, int maxPacketBytes, HistoryBudget budget) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        slots = new byte[size][];
        lengths = new int[size];
        sequences = new int[size];
        Arrays.fill(sequences, -1);
        mask = size - 1;
        this.maxPacketBytes = maxPacketBytes;
        this.budget = budget;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    public int capacity() {
        return slots.length;
    }

    /**
     * Keeps a copy of the packet with this 16-bit sequence number; packets too large to keep, or for which
     * the session's budget has no room, are skipped, and so is a late packet (a repair) whose slot already
     * holds a newer one; a stream that restarts further back overwrites.
     */
    public void store(int sequence, byte[] buf, int off, int len) {
        if (len > maxPacketBytes) {
            return;
        }
        int slot = sequence & mask;
        synchronized (locks[slot & (LOCKS - 1)]) {
            if (released) {
                return;
            }
            int held = sequences[slot];
            int behind = held < 0 ? 0 : SequenceNumbers.diff(held, sequence);
            if (behind > 0 && behind < SequenceNumbers.MAX_DROPOUT) {
                return;
            }
            byte[] kept = slots[slot];
            if (kept == null || kept.length < len) {
                kept = grow(slot, len);
                if (kept == null) {
                    return;
                }
            }
            System.arraycopy(buf, off, kept, 0, len);
            lengths[slot] = len;
            sequences[slot] = sequence & 0xFFFF;
        }
    }

    /** A slot buffer for a packet of {@code len} bytes, or null (and the slot emptied) when the budget is spent. */
    private byte[] grow(int slot, int len) {
        byte[] old = slots[slot];
        int size = Math.min(maxPacketBytes, (len + GRANULE - 1) / GRANULE * GRANULE);
        int held = old == null ? 0 : old.length;
        if (!budget.take(size - held)) {
            sequences[slot] = -1;
            return null;
        }
        byte[] grown = new byte[size];
        slots[slot] = grown;
        return grown;
    }

    /** Copies the packet with this sequence number into {@code out} and returns its length, or -1 when it is gone. */
    public int copy(int sequence, byte[] out, int off) {
        int slot = sequence & mask;
        synchronized (locks[slot & (LOCKS - 1)]) {
            byte[] kept = slots[slot];
            if (kept == null || sequences[slot] != (sequence & 0xFFFF) || out.length - off < lengths[slot]) {
                return -1;
            }
            System.arraycopy(kept, 0, out, off, lengths[slot]);
            return lengths[slot];
        }
    }

    /** Bytes this history holds now. */
    long heldBytes() {
        long held = 0;
        for (int slot = 0; slot < slots.length; slot++) {
            synchronized (locks[slot & (LOCKS - 1)]) {
                held += slots[slot] == null ? 0 : slots[slot].length;
            }
        }
        return held;
    }

    /** Frees every slot and gives its bytes back to the budget; the history keeps nothing from now on. */
    void release() {
        released = true;
        for (int slot = 0; slot < slots.length; slot++) {
            synchronized (locks[slot & (LOCKS - 1)]) {
                if (slots[slot] != null) {
                    budget.give(slots[slot].length);
                    slots[slot] = null;
                    sequences[slot] = -1;
                }
            }
        }
    }
}
