package dev.calls.media.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * Datagrams and bytes through the media port, counted by every receive loop and every send. LongAdder
 * keeps the threads of one port from contending on one counter; reading sums them.
 */
public final class TrafficCounters {

    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder packetsOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder refusedSends = new LongAdder();

    void received(int length) {
        packetsIn.increment();
        bytesIn.add(length);
    }

    void sent(int length) {
        packetsOut.increment();
        bytesOut.add(length);
    }

    /** A batch's datagrams that went, in one update rather than one per datagram. */
    void sent(int packets, long bytes) {
        if (packets > 0) {
            packetsOut.add(packets);
            bytesOut.add(bytes);
        }
    }

    void refused() {
        refusedSends.increment();
    }

    void refused(int packets) {
        if (packets > 0) {
            refusedSends.add(packets);
        }
    }

    public long packetsIn() {
        return packetsIn.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long packetsOut() {
        return packetsOut.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Sends the kernel refused or cut short (send buffer full, socket closed): the datagram is lost. */
    public long refusedSends() {
        return refusedSends.sum();
    }
}
