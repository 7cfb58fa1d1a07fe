package dev.calls.media.sfu;

import java.util.Arrays;

/**
 * The last packets of one published track, kept as plaintext RTP so that every subscriber's NACK
 * (RFC 4585 §6.2.1) is answered from one copy, encrypted for that subscriber. A ring indexed by
 * sequence number: storing costs one array copy and no allocation after construction.
 * Written by the thread that receives the track, read by the threads answering NACKs; each slot has
 * its own monitor, uncontended in practice, so a reader never sees a packet half overwritten.
 */
public final class PacketHistory {

    private final byte[][] slots;
    private final int[] lengths;
    private final int[] sequences;
    private final int mask;

    /** Keeps at least {@code capacity} packets (rounded up to a power of two) of up to {@code maxPacketBytes}. */
    public PacketHistory(int capacity, int maxPacketBytes) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        slots = new byte[size][maxPacketBytes];
        lengths = new int[size];
        sequences = new int[size];
        Arrays.fill(sequences, -1);
        mask = size - 1;
    }

    public int capacity() {
        return slots.length;
    }

    /** Keeps a copy of the packet with this 16-bit sequence number; packets too large to keep are skipped. */
    public void store(int sequence, byte[] buf, int off, int len) {
        int slot = sequence & mask;
        if (len > slots[slot].length) {
            return;
        }
        synchronized (slots[slot]) {
            System.arraycopy(buf, off, slots[slot], 0, len);
            lengths[slot] = len;
            sequences[slot] = sequence & 0xFFFF;
        }
    }

    /** Copies the packet with this sequence number into {@code out} and returns its length, or -1 when it is gone. */
    public int copy(int sequence, byte[] out, int off) {
        int slot = sequence & mask;
        synchronized (slots[slot]) {
            if (sequences[slot] != (sequence & 0xFFFF) || out.length - off < lengths[slot]) {
                return -1;
            }
            System.arraycopy(slots[slot], 0, out, off, lengths[slot]);
            return lengths[slot];
        }
    }
}
