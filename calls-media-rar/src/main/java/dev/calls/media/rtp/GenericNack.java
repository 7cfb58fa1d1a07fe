package dev.calls.media.rtp;

import java.util.Objects;

/**
 * Generic NACK, RTPFB FMT 1 (RFC 4585 §6.2.1): FCI entries of a packet ID (PID, a lost sequence number) and
 * a bitmask of following lost packets (BLP: bit i set means PID + i + 1 is lost too).
 */
public final class GenericNack extends FeedbackPacket {

    /** Size of one PID/BLP entry. */
    public static final int ITEM_LENGTH = 4;

    @Override
    boolean acceptFci(byte[] buf, int fci, int length, int packetType, int fmt) {
        return packetType == RtcpPacketType.TRANSPORT_FEEDBACK && fmt == FMT_GENERIC_NACK
                && length >= ITEM_LENGTH;
    }

    /** Number of PID/BLP entries. */
    public int itemCount() {
        return fciLength() / ITEM_LENGTH;
    }

    /** The packet ID of entry {@code index}: a lost sequence number. */
    public int packetId(int index) {
        Objects.checkIndex(index, itemCount());
        return Bytes.u16(array(), fciOffset() + ITEM_LENGTH * index);
    }

    /** The bitmask of following lost packets of entry {@code index}. */
    public int bitmask(int index) {
        Objects.checkIndex(index, itemCount());
        return Bytes.u16(array(), fciOffset() + ITEM_LENGTH * index + 2);
    }

    /**
     * Expands the entries into the lost sequence numbers, in message order, into {@code out}; stops when
     * {@code out} is full (one entry reports at most 17).
     *
     * @return the number of sequence numbers written
     */
    public int lostSequences(int[] out) {
        int n = 0;
        for (int i = 0; i < itemCount() && n < out.length; i++) {
            int pid = packetId(i);
            int blp = bitmask(i);
            out[n++] = pid;
            for (int bit = 0; bit < 16 && n < out.length; bit++) {
                if ((blp & 1 << bit) != 0) {
                    out[n++] = (pid + bit + 1) & 0xFFFF;
                }
            }
        }
        return n;
    }

    /**
     * Writes a generic NACK for the lost sequence numbers {@code seqs[0, count)}. Each number opens an entry
     * unless it falls within the 16 after the current entry's PID, so an ascending list packs tightest;
     * repeats are dropped.
     *
     * @return the packet's length
     * @throws IllegalArgumentException if {@code count} is not 1 to {@code seqs.length}, or the message does
     *                                  not fit in {@code buf}
     */
    public static int write(byte[] buf, int off, int senderSsrc, int mediaSsrc, int[] seqs, int count) {
        if (count < 1 || count > seqs.length) {
            throw new IllegalArgumentException("sequence count out of range: " + count);
        }
        Bytes.requireRoom(buf, off, MIN_LENGTH + ITEM_LENGTH);
        int p = off + MIN_LENGTH;
        int pid = seqs[0] & 0xFFFF;
        int blp = 0;
        for (int i = 1; i < count; i++) {
            int seq = seqs[i] & 0xFFFF;
            int distance = (seq - pid) & 0xFFFF;
            if (distance >= 1 && distance <= 16) {
                blp |= 1 << (distance - 1);
            } else if (distance != 0) {
                p = writeItem(buf, p, pid, blp);
                Bytes.requireRoom(buf, p, ITEM_LENGTH);
                pid = seq;
                blp = 0;
            }
        }
        p = writeItem(buf, p, pid, blp);
        int length = p - off;
        writeFeedbackHeader(buf, off, FMT_GENERIC_NACK, RtcpPacketType.TRANSPORT_FEEDBACK, length, senderSsrc,
                mediaSsrc);
        return length;
    }

    private static int writeItem(byte[] buf, int p, int pid, int blp) {
        Bytes.put16(buf, p, pid);
        Bytes.put16(buf, p + 2, blp);
        return p + ITEM_LENGTH;
    }
}
