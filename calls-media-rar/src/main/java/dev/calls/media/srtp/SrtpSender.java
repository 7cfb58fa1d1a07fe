package dev.calls.media.srtp;

import java.util.Objects;

/**
 * Protects the RTP and RTCP one endpoint sends under one master key: SRTP encryption and tag,
 * SRTCP index and tag, for every SSRC it sends, in place.
 *
 * <p>Not thread-safe: one thread at a time uses a sender, and handing it to another thread needs a
 * happens-before edge (the queue or executor that hands over the work provides one). The Cipher
 * objects and scratch buffers inside are reused for every packet.
 *
 * <p>The buffer stays the caller's. It must have {@link SrtpProfile#rtpExpansion()} (RTP) or
 * {@link SrtpProfile#rtcpExpansion()} (RTCP) free bytes after {@code off + len}, at most
 * {@link SrtpProfile#MAX_EXPANSION}.
 *
 * <p>Every packet of an SSRC must carry a sequence number the stream has not used for a different
 * payload: SRTP's security rests on never reusing a (key, SSRC, index) for two plaintexts. Sending
 * the same packet again (a retransmission) is fine, except that GCM refuses it right after the
 * original (see {@link SrtpStatus#REPLAYED}).
 */
public final class SrtpSender {

    private final SrtpProfile profile;
    private final SrtpCipher cipher;
    private final SsrcMap<SenderStream> streams = new SsrcMap<>();

    public SrtpSender(SrtpMasterKey masterKey) {
        this(masterKey.profile(), SrtpCipher.create(masterKey));
    }

    SrtpSender(SrtpProfile profile, SrtpCipher cipher) {
        this.profile = profile;
        this.cipher = cipher;
    }

    public SrtpProfile profile() {
        return profile;
    }

    /**
     * Turns the RTP packet in {@code buf[off, off + len)} into an SRTP packet in place.
     *
     * @return the SRTP packet's length, {@code len + profile().rtpExpansion()}; or
     *     {@link SrtpStatus#MALFORMED} or {@link SrtpStatus#REPLAYED}, and then the buffer is unchanged
     * @throws IndexOutOfBoundsException if the range or the room after it lies outside {@code buf}
     */
    public int protectRtp(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len + profile.rtpExpansion(), buf.length);
        int headerLength = SrtpPacket.rtpHeaderLength(buf, off, len);
        if (headerLength < 0) {
            return SrtpStatus.MALFORMED;
        }
        int ssrc = SrtpPacket.rtpSsrc(buf, off);
        long index = stream(ssrc).rtpIndex(SrtpPacket.rtpSequenceNumber(buf, off));
        if (index < 0) {
            return SrtpStatus.REPLAYED;
        }
        return cipher.protectRtp(buf, off, len, headerLength, ssrc, index);
    }

    /**
     * Turns the (compound) RTCP packet in {@code buf[off, off + len)} into an SRTCP packet in place,
     * encrypted, with the next SRTCP index of its sender SSRC.
     *
     * @return the SRTCP packet's length, {@code len + profile().rtcpExpansion()}; or
     *     {@link SrtpStatus#MALFORMED} or {@link SrtpStatus#REPLAYED}
     * @throws IndexOutOfBoundsException if the range or the room after it lies outside {@code buf}
     */
    public int protectRtcp(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len + profile.rtcpExpansion(), buf.length);
        if (!SrtpPacket.isRtcpHeader(buf, off, len)) {
            return SrtpStatus.MALFORMED;
        }
        int ssrc = SrtpPacket.rtcpSenderSsrc(buf, off);
        return cipher.protectRtcp(buf, off, len, ssrc, stream(ssrc).nextRtcpIndex());
    }

    /**
     * Drops the state of an SSRC this sender will not send again. Sending it later restarts its
     * ROC at 0 and its SRTCP index at 0, which reuses indices: only forget an SSRC for good.
     */
    public void forget(int ssrc) {
        streams.remove(ssrc);
    }

    /** The state of {@code ssrc}, created at its first packet: the only allocation on this path. */
    private SenderStream stream(int ssrc) {
        SenderStream stream = streams.get(ssrc);
        if (stream == null) {
            stream = new SenderStream();
            streams.put(ssrc, stream);
        }
        return stream;
    }
}
