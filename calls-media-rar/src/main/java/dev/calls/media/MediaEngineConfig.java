package dev.calls.media;

import dev.calls.media.transport.ThreadRealtime;

/**
 * The media settings the engine runs with; the resource adapter fills it from its configuration
 * properties, tests build it directly.
 *
 * @param udpPort                  the one UDP port of all sessions (0 picks a free one, for tests)
 * @param iceTcpPort               the TCP port of the passive ICE-TCP candidates (RFC 6544); {@link #ICE_TCP_OFF}
 *                                 for none, 0 picks a free one (tests)
 * @param bindAddress              the local address to bind; a wildcard becomes the advertised address when local
 * @param iceHostOverride          the address put in ICE candidates instead of a local one (NAT); empty for none
 * @param udpSocketCount           sockets bound to the port with SO_REUSEPORT, spreading receive and send work
 * @param rtcConnectTimeoutSeconds a session must finish ICE and DTLS this long after the answer
 * @param consentTimeoutSeconds    a session is closed when its client sends no ICE check for this long (RFC 7675)
 * @param nackHistoryPackets       packets kept per published track to answer NACKs
 * @param forwardingThreads        threads that encrypt and send forwarded media; 0 is one per available core
 * @param mediaThreadNice          the nice value the receive and forwarding threads run at (-20 to 19; 0
 *                                 leaves them at the server's), see {@link dev.calls.media.transport.ThreadNice}
 * @param mediaThreadRealtimePriority the {@code SCHED_RR} priority the receive and forwarding threads run at
 *                                 (1 to 99; 0 leaves them ordinary threads), see
 *                                 {@link dev.calls.media.transport.ThreadRealtime}
 */
public record MediaEngineConfig(
        int udpPort,
        int iceTcpPort,
        String bindAddress,
        String iceHostOverride,
        int udpSocketCount,
        int rtcConnectTimeoutSeconds,
        int consentTimeoutSeconds,
        int nackHistoryPackets,
        int forwardingThreads,
        int mediaThreadNice,
        int mediaThreadRealtimePriority) {

    /** The value of {@link #iceTcpPort} that means no ICE-TCP port (clients use UDP or TURN only). */
    public static final int ICE_TCP_OFF = -1;

    /** Socket buffers requested from the kernel; it grants at most net.core.rmem_max / wmem_max. */
    public static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

    /** Larger than any datagram WebRTC sends (its MTU is about 1200 bytes). */
    public static final int MAX_DATAGRAM_BYTES = 2048;

    /**
     * Packets each forwarding thread's queue holds (≈ 2 KB each, so ≈ 1 MB a thread): seconds of voice, or
     * several video keyframes at once, before it drops.
     */
    public static final int FORWARD_QUEUE_SLOTS = 512;

    /** The media threads' default nice value: about 9 times the CPU share of the server's other threads. */
    public static final int DEFAULT_MEDIA_THREAD_NICE = -10;

    /**
     * The media threads' default real-time priority: low in SCHED_RR's range, below the kernel's own
     * real-time threads (interrupt threads run at 50).
     */
    public static final int DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY = 10;

    public MediaEngineConfig {
        if (mediaThreadRealtimePriority != 0 && (mediaThreadRealtimePriority < ThreadRealtime.MIN_PRIORITY
                || mediaThreadRealtimePriority > ThreadRealtime.MAX_PRIORITY)) {
            throw new IllegalArgumentException("mediaThreadRealtimePriority is 0 (none) or "
                    + ThreadRealtime.MIN_PRIORITY + " to " + ThreadRealtime.MAX_PRIORITY + ", not "
                    + mediaThreadRealtimePriority);
        }
    }

    /** The forwarding threads to start: as configured, or one per core the JVM may use. */
    public int effectiveForwardingThreads() {
        return forwardingThreads > 0 ? forwardingThreads : Runtime.getRuntime().availableProcessors();
    }
}
