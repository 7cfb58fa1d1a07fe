package dev.calls.media.srtp;

/**
 * Negative results of the protect and unprotect methods. A packet that earns one is dropped: it is
 * reported, never thrown, because on the packet path a bad packet is an ordinary event.
 */
public final class SrtpStatus {

    /** The tag did not verify: forged, corrupted, or protected with other keys. */
    public static final int AUTH_FAILED = -1;

    /**
     * Unprotect: the packet index was already accepted or is older than the replay window
     * (RFC 3711 §3.3.2). Protect: the packet cannot be given a fresh index, because its sequence
     * number falls before the stream's first packet, or GCM would reuse the previous packet's IV.
     */
    public static final int REPLAYED = -2;

    /** Not a version 2 RTP/RTCP packet, or too short for its header and the SRTP trailer. */
    public static final int MALFORMED = -3;

    /** A receiver already tracks {@link SrtpReceiver#MAX_STREAMS} SSRCs and this packet would add one. */
    public static final int TOO_MANY_STREAMS = -4;

    private SrtpStatus() {
    }
}
