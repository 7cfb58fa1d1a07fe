package dev.calls.load.signaling;

import dev.calls.media.api.EngineStats;

/**
 * The server's resource use, read so that the load tool's own work is not counted. Each method may be
 * slow (it may read /proc or ask the server's JVM); call it at the edges of a measurement, not per packet.
 */
public interface ServerMetrics {

    /** CPU time the server has used so far, user plus system, in nanoseconds. */
    long cpuNanos();

    /** Heap in use after a full collection, in bytes; -1 when it cannot be read. */
    long heapAfterGcBytes();

    /** Resident set size, in bytes; -1 when it cannot be read. */
    long rssBytes();

    /**
     * Datagrams the server has sent from its media port so far, as it counts them itself (forwarded RTP and
     * its own RTCP, STUN and DTLS); -1 when the server does not say.
     */
    default long packetsOut() {
        return -1;
    }

    /**
     * The server's own receive-to-send time of the media packets it forwarded, since it started (the engine
     * keeps no window); {@link EngineStats.Latency#NONE} when the server does not say.
     */
    default EngineStats.Latency forwarding() {
        return EngineStats.Latency.NONE;
    }

    /** One line saying what is measured and how, for the report. */
    String method();
}
