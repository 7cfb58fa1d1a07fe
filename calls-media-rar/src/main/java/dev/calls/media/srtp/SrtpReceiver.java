package dev.calls.media.srtp;

import java.util.Objects;

/**
 * Unprotects the SRTP and SRTCP one endpoint receives under one master key: verifies the tag,
 * rejects replays per SSRC (RFC 3711 §3.3.2), tracks each SSRC's ROC (RFC 3711 §3.3.1) and
 * decrypts in place.
 *
 * <p>Bad packets are answered with a negative {@link SrtpStatus} and counted, never thrown. State
 * for an SSRC is created only once a packet of it authenticates, so forged packets with random
 * SSRCs cost no memory; at most {@link #MAX_STREAMS} SSRCs per packet kind are tracked.
 *
 * <p>Not thread-safe: one thread at a time uses a receiver, and handing it to another thread needs
 * a happens-before edge. The counters may be read from any thread.
 *
 * <p>The buffer stays the caller's; on success the plaintext packet is {@code buf[off, off + n)}
 * for the returned {@code n}. After a failure the buffer's contents are unspecified.
 */
public final class SrtpReceiver {

    /** SSRCs tracked per packet kind; a peer sends a handful (audio, video, RTX, screen). */
    public static final int MAX_STREAMS = 1024;

    private final SrtpProfile profile;
    private final SrtpCipher cipher;
    private final SsrcMap<ReplayWindow> rtpWindows = new SsrcMap<>();
    private final SsrcMap<ReplayWindow> rtcpWindows = new SsrcMap<>();

    // Written only by the owning thread; volatile so that monitoring threads see current values.
    private volatile long authFailures;
    private volatile long replays;
    private volatile long malformed;
    private volatile long tooManyStreams;

    public SrtpReceiver(SrtpMasterKey masterKey) {
        this(masterKey.profile(), SrtpCipher.create(masterKey));
    }

    SrtpReceiver(SrtpProfile profile, SrtpCipher cipher) {
        this.profile = profile;
        this.cipher = cipher;
    }

    public SrtpProfile profile() {
        return profile;
    }

    /**
     * Turns the SRTP packet in {@code buf[off, off + len)} back into RTP in place.
     *
     * @return the RTP packet's length, or a negative {@link SrtpStatus}
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf}
     */
    public int unprotectRtp(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int headerLength = SrtpPacket.rtpHeaderLength(buf, off, len);
        if (headerLength < 0 || len - headerLength < profile.tagLength()) {
            return countMalformed();
        }
        int ssrc = SrtpPacket.rtpSsrc(buf, off);
        int seq = SrtpPacket.rtpSequenceNumber(buf, off);
        ReplayWindow window = rtpWindows.get(ssrc);
        long index = window == null ? seq : RtpPacketIndex.estimate(window.highest(), seq);
        int refusal = admit(rtpWindows, window, index);
        if (refusal < 0) {
            return refusal;
        }
        int length = cipher.unprotectRtp(buf, off, len, headerLength, ssrc, index);
        return record(rtpWindows, window, ssrc, index, length);
    }

    /**
     * Turns the SRTCP packet in {@code buf[off, off + len)} back into (compound) RTCP in place;
     * packets with the E-bit clear are authenticated and passed on unencrypted (RFC 3711 §3.4).
     *
     * @return the RTCP packet's length, or a negative {@link SrtpStatus}
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf}
     */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (!SrtpPacket.isRtcpHeader(buf, off, len) || len - SrtpPacket.RTCP_HEADER < profile.rtcpExpansion()) {
            return countMalformed();
        }
        int ssrc = SrtpPacket.rtcpSenderSsrc(buf, off);
        int indexWord = SrtpPacket.readInt(buf, off + profile.srtcpIndexOffset(len));
        int index = indexWord & ~SrtpPacket.SRTCP_E_BIT;
        ReplayWindow window = rtcpWindows.get(ssrc);
        int refusal = admit(rtcpWindows, window, index);
        if (refusal < 0) {
            return refusal;
        }
        int length = cipher.unprotectRtcp(buf, off, len, ssrc, index, (indexWord & SrtpPacket.SRTCP_E_BIT) != 0);
        return record(rtcpWindows, window, ssrc, index, length);
    }

    /** Packets whose tag did not verify. */
    public long authFailures() {
        return authFailures;
    }

    /** Packets refused as replays or as older than the replay window. */
    public long replays() {
        return replays;
    }

    /** Packets too short or not RTP/RTCP version 2. */
    public long malformed() {
        return malformed;
    }

    /** Packets of a new SSRC refused because {@link #MAX_STREAMS} were tracked already. */
    public long tooManyStreams() {
        return tooManyStreams;
    }

    /** Drops the state of an SSRC that will not be received again, making room for others. */
    public void forget(int ssrc) {
        rtpWindows.remove(ssrc);
        rtcpWindows.remove(ssrc);
    }

    /**
     * 0 if a packet with this index may be authenticated: fresh in its SSRC's window, or the first
     * of a new SSRC while there is room; a negative status otherwise.
     */
    private int admit(SsrcMap<ReplayWindow> windows, ReplayWindow window, long index) {
        if (window != null) {
            return window.isFresh(index) ? 0 : countReplay();
        }
        return windows.size() < MAX_STREAMS ? 0 : countTooManyStreams();
    }

    /** Counts a failed tag, or records the authenticated index (RFC 3711 §3.3 step 7). */
    private int record(SsrcMap<ReplayWindow> windows, ReplayWindow window, int ssrc, long index, int length) {
        if (length < 0) {
            return countAuthFailure();
        }
        if (window == null) {
            windows.put(ssrc, new ReplayWindow(index));
        } else {
            window.accept(index);
        }
        return length;
    }

    private int countAuthFailure() {
        authFailures = authFailures + 1;
        return SrtpStatus.AUTH_FAILED;
    }

    private int countReplay() {
        replays = replays + 1;
        return SrtpStatus.REPLAYED;
    }

    private int countMalformed() {
        malformed = malformed + 1;
        return SrtpStatus.MALFORMED;
    }

    private int countTooManyStreams() {
        tooManyStreams = tooManyStreams + 1;
        return SrtpStatus.TOO_MANY_STREAMS;
    }
}
