package dev.calls.media.rtp;

/**
 * Extends 16-bit sequence numbers of one stream to 64 bits by counting wrap-arounds, the way the SRTP
 * rollover counter does (RFC 3711 §3.3.1): each number is placed at the extended value nearest to the
 * highest one seen so far, so late and reordered packets keep their place. The upper bits
 * ({@code extended >> 16}) are the rollover count. Confined to one thread.
 */
public final class SequenceUnwrapper {

    private long highest;
    private boolean started;

    /**
     * The extended sequence number of {@code sequenceNumber} (low 16 bits used). The first call returns the
     * number itself; a packet from before that one may come out negative.
     */
    public long unwrap(int sequenceNumber) {
        int seq = sequenceNumber & 0xFFFF;
        if (!started) {
            started = true;
            highest = seq;
            return seq;
        }
        long extended = highest + SequenceNumbers.diff(seq, (int) highest);
        if (extended > highest) {
            highest = extended;
        }
        return extended;
    }

    /** The highest extended sequence number seen, or 0 before the first. */
    public long highest() {
        return highest;
    }
}
