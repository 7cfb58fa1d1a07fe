package dev.calls.media.rtp;

/**
 * The packets of one received RTP stream that are missing and still worth asking for, as the receiver that
 * sends Generic NACKs (RFC 4585 §6.2.1) keeps them: a gap in the sequence numbers adds its packets, a late
 * arrival (reordered, or retransmitted on the same SSRC with the same sequence number, as a publisher
 * without RTX sends it) removes its own, and each is asked for again about once a round trip until it comes, it has been asked for
 * {@code maxAttempts} times, or it is older than {@code maxAgeNanos}. A packet given up on, and a gap larger
 * than the list, are remembered until {@link #takeGaveUp}: the picture then needs a keyframe.
 *
 * <p>The list is kept in arrays of {@code capacity} entries in sequence order, so nothing is allocated per
 * packet. Times are nanoseconds on one monotonic clock. Not thread-safe.
 */
public final class NackList {

    private final int[] sequences;
    private final int[] attempts;
    private final long[] foundAt;
    private final long[] askedAt;
    private final int maxAttempts;
    private final long maxAgeNanos;
    private int size;
    private boolean started;
    private int highest;
    private boolean gaveUp;

    public NackList(int capacity, int maxAttempts, long maxAgeNanos) {
        if (capacity < 1 || maxAttempts < 1 || maxAgeNanos <= 0) {
            throw new IllegalArgumentException("capacity, attempts and age must be positive");
        }
        sequences = new int[capacity];
        attempts = new int[capacity];
        foundAt = new long[capacity];
        askedAt = new long[capacity];
        this.maxAttempts = maxAttempts;
        this.maxAgeNanos = maxAgeNanos;
    }

    /**
     * Accounts for a received packet: a gap before it is added to the list, and a packet on the list leaves it.
     *
     * @return a round-trip sample when the packet was asked for exactly once (the time since it was asked
     *         for; after two requests the answer could be to either, Karn's rule), -1 otherwise
     */
    public long onPacket(int sequenceNumber, long nowNanos) {
        int seq = sequenceNumber & 0xFFFF;
        if (!started) {
            started = true;
            highest = seq;
            return -1;
        }
        int distance = SequenceNumbers.diff(seq, highest);
        if (distance > 0) {
            addGap(distance - 1, nowNanos);
            highest = seq;
            return -1;
        }
        if (distance <= -SequenceNumbers.MAX_DROPOUT) {
            size = 0;
            highest = seq;
            return -1;
        }
        int index = indexOf(seq);
        if (index < 0) {
            return -1;
        }
        long sample = attempts[index] == 1 ? nowNanos - askedAt[index] : -1;
        remove(index);
        return sample;
    }

    /**
     * Writes into {@code out} at most {@code max} packets to ask for now: those never asked for, and those
     * last asked for at least {@code retryNanos} ago; each counts as asked. Packets past the attempts or age
     * cap leave the list first (see {@link #takeGaveUp}); with {@code max} 0 that is all this does.
     *
     * @return how many were written
     */
    public int due(long nowNanos, long retryNanos, int[] out, int max) {
        int count = 0;
        int limit = Math.min(max, out.length);
        int i = 0;
        while (i < size) {
            boolean waited = attempts[i] == 0 || nowNanos - askedAt[i] >= retryNanos;
            if (nowNanos - foundAt[i] > maxAgeNanos || attempts[i] >= maxAttempts && waited) {
                remove(i);
                gaveUp = true;
                continue;
            }
            if (waited && count < limit) {
                out[count++] = sequences[i];
                attempts[i]++;
                askedAt[i] = nowNanos;
            }
            i++;
        }
        return count;
    }

    /** Whether a packet was given up on, or a gap was too large to ask for, since the last call. */
    public boolean takeGaveUp() {
        boolean was = gaveUp;
        gaveUp = false;
        return was;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Packets on the list now. */
    public int size() {
        return size;
    }

    private void addGap(int lost, long nowNanos) {
        if (lost == 0) {
            return;
        }
        if (lost > sequences.length - size) {
            size = 0;
            gaveUp = true;
            return;
        }
        for (int k = 1; k <= lost; k++) {
            sequences[size] = (highest + k) & 0xFFFF;
            attempts[size] = 0;
            foundAt[size] = nowNanos;
            size++;
        }
    }

    private int indexOf(int seq) {
        for (int i = 0; i < size; i++) {
            if (sequences[i] == seq) {
                return i;
            }
        }
        return -1;
    }

    private void remove(int index) {
        int tail = size - index - 1;
        System.arraycopy(sequences, index + 1, sequences, index, tail);
        System.arraycopy(attempts, index + 1, attempts, index, tail);
        System.arraycopy(foundAt, index + 1, foundAt, index, tail);
        System.arraycopy(askedAt, index + 1, askedAt, index, tail);
        size--;
    }
}
