package dev.calls.load.client;

import dev.calls.media.rtp.SequenceUnwrapper;

/**
 * What one simulated participant received of one forwarded source (an SSRC): packets, and the extended
 * sequence numbers of the first and highest, from which the packets the server sent are counted
 * (RFC 3550 §6.4.1 "expected"); the server keeps a forwarded source's sequence gap-free, so
 * expected − received is loss. Written by the participant's network thread only; read by the reporter.
 */
public final class InboundStream {

    final int ssrc;
    private final SequenceUnwrapper sequences = new SequenceUnwrapper();
    private long first = -1;
    private volatile long received;
    private volatile long highest;

    InboundStream(int ssrc) {
        this.ssrc = ssrc;
    }

    void onPacket(int sequenceNumber) {
        long extended = sequences.unwrap(sequenceNumber);
        if (first < 0) {
            first = extended;
        }
        received++;
        highest = sequences.highest();
    }

    public int ssrc() {
        return ssrc;
    }

    public long received() {
        return received;
    }

    /** Packets the server sent between the first and the highest received, both included. */
    public long expected() {
        long start = first;
        return start < 0 ? 0 : highest - start + 1;
    }
}
