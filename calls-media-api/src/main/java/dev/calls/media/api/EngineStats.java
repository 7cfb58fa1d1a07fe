package dev.calls.media.api;

/**
 * Counters of the media engine since it started, for metrics and the admin's stats view. Counters only
 * grow while the engine runs; a reload starts them from zero.
 *
 * @param calls                calls with at least one media session now
 * @param sessions             media sessions now
 * @param packetsIn            datagrams received on the media port
 * @param bytesIn              bytes of those datagrams
 * @param packetsOut           datagrams sent from the media port
 * @param bytesOut             bytes of those datagrams
 * @param droppedQueueFull     datagrams dropped because a bounded queue was full (DTLS handshake input) or the
 *                             kernel refused a send (send buffer full)
 * @param droppedForwardQueueFull media packets dropped because a forwarding thread's queue was full (that
 *                             thread could not keep up with its share of the subscribers)
 * @param droppedForwardLate   media packets dropped because they waited more than 250 ms for a forwarding thread
 *                             (the thread was starved of CPU; sending them would only keep later packets late)
 * @param droppedSrtpAuth      SRTP/SRTCP packets dropped: authentication failed, replayed, or no keys yet
 * @param droppedUnknownSource datagrams from an address no session has validated, other than ICE checks for a session
 * @param droppedRateLimited   media packets dropped because their track sent more than its packet rate limit
 * @param droppedStunReplies   STUN error replies to unknown sources not sent: larger than their request, or over
 *                             the port's rate of such replies
 * @param handshakesRefused    DTLS handshakes the handshake pool refused to start (every thread and queue slot
 *                             taken); the session tries again on its next ICE check
 * @param eventsDropped        session events (connected, closed, offers, voice activity) the engine could not hand
 *                             to the server because their queue was full: a dropped close leaves a session the
 *                             server still believes in
 * @param iceFailures          sessions closed because ICE never completed or consent was lost (RFC 7675)
 * @param dtlsFailures         sessions closed because the DTLS handshake failed or did not finish after ICE
 * @param iceTcpRefused        ICE-TCP connections refused or closed by the engine, by cause
 * @param rtcConnect           time from the engine's answer to ICE and DTLS completed, per connected session
 * @param forwarding           time from receiving a media packet to sending it on, per forwarded packet
 */
public record EngineStats(
        int calls,
        int sessions,
        long packetsIn,
        long bytesIn,
        long packetsOut,
        long bytesOut,
        long droppedQueueFull,
        long droppedForwardQueueFull,
        long droppedForwardLate,
        long droppedSrtpAuth,
        long droppedUnknownSource,
        long droppedRateLimited,
        long droppedStunReplies,
        long handshakesRefused,
        long eventsDropped,
        long iceFailures,
        long dtlsFailures,
        IceTcpRefused iceTcpRefused,
        Latency rtcConnect,
        Latency forwarding) {

    /** Nothing counted: the engine is not running. */
    public static final EngineStats NONE = new EngineStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            IceTcpRefused.NONE, Latency.NONE, Latency.NONE);

    /**
     * ICE-TCP connections (RFC 6544) the engine would not serve, by cause.
     *
     * @param overLimit      closed at accept: the most connections allowed were waiting for their first ICE check
     * @param badFirstPacket the first packet was not an ICE check that authenticated for a session
     * @param oversizedFrame a frame announced a packet larger than the engine takes
     * @param authTimeout    no authenticated ICE check within the ICE timeout (half-open, slow drip)
     * @param slowReader     the client read too slowly: its connection's send buffer overflowed
     */
    public record IceTcpRefused(long overLimit, long badFirstPacket, long oversizedFrame, long authTimeout,
            long slowReader) {

        public static final IceTcpRefused NONE = new IceTcpRefused(0, 0, 0, 0, 0);

        /** All of them together. */
        public long total() {
            return overLimit + badFirstPacket + oversizedFrame + authTimeout + slowReader;
        }
    }

    /**
     * A latency distribution: how many were measured, their total, and quantiles read from a log-linear
     * histogram (each within about 3 % of the true value).
     */
    public record Latency(long count, long totalNanos, long p50Nanos, long p99Nanos, long maxNanos) {

        public static final Latency NONE = new Latency(0, 0, 0, 0, 0);
    }
}
