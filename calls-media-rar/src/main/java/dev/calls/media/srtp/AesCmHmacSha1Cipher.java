package dev.calls.media.srtp;

/**
 * AES_CM_128_HMAC_SHA1_80 (RFC 3711 §4.1.1 and §4.2): counter-mode encryption, then an HMAC-SHA1
 * tag cut to 80 bits over the authenticated portion, for SRTP and SRTCP alike.
 */
final class AesCmHmacSha1Cipher implements SrtpCipher {

    private static final int TAG = SrtpProfile.AES_CM_128_HMAC_SHA1_80.tagLength();

    private final AesCounterMode rtpCipher;
    private final HmacSha1 rtpMac;
    private final AesCounterMode rtcpCipher;
    private final HmacSha1 rtcpMac;

    AesCmHmacSha1Cipher(SrtpSessionKeys rtp, SrtpSessionKeys rtcp) {
        rtpCipher = new AesCounterMode(rtp.encryptionKey(), rtp.salt());
        rtpMac = new HmacSha1(rtp.authKey());
        rtcpCipher = new AesCounterMode(rtcp.encryptionKey(), rtcp.salt());
        rtcpMac = new HmacSha1(rtcp.authKey());
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        rtpCipher.apply(buf, off + headerLength, off + len, ssrc, index);
        System.arraycopy(rtpTag(buf, off, len, index), 0, buf, off + len, TAG);
        return len + TAG;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        int authenticated = len - TAG;
        if (!HmacSha1.matches(rtpTag(buf, off, authenticated, index), buf, off + authenticated, TAG)) {
            return SrtpStatus.AUTH_FAILED;
        }
        rtpCipher.apply(buf, off + headerLength, off + authenticated, ssrc, index);
        return authenticated;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        rtcpCipher.apply(buf, off + SrtpPacket.RTCP_HEADER, off + len, ssrc, index);
        SrtpPacket.writeInt(buf, off + len, SrtpPacket.SRTCP_E_BIT | index);
        int authenticated = len + SrtpPacket.SRTCP_INDEX_LENGTH;
        System.arraycopy(rtcpTag(buf, off, authenticated), 0, buf, off + authenticated, TAG);
        return authenticated + TAG;
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        int authenticated = len - TAG;
        if (!HmacSha1.matches(rtcpTag(buf, off, authenticated), buf, off + authenticated, TAG)) {
            return SrtpStatus.AUTH_FAILED;
        }
        int rtcpLength = authenticated - SrtpPacket.SRTCP_INDEX_LENGTH;
        if (encrypted) {
            rtcpCipher.apply(buf, off + SrtpPacket.RTCP_HEADER, off + rtcpLength, ssrc, index);
        }
        return rtcpLength;
    }

    /** RFC 3711 §4.2: the SRTP tag covers header and encrypted payload followed by the 32-bit ROC. */
    private byte[] rtpTag(byte[] buf, int off, int len, long index) {
        rtpMac.start();
        rtpMac.update(buf, off, len);
        rtpMac.updateInt((int) (index >>> 16));
        return rtpMac.finish();
    }

    /** RFC 3711 §3.4: the SRTCP tag covers header, encrypted portion and the E-bit/index word. */
    private byte[] rtcpTag(byte[] buf, int off, int len) {
        rtcpMac.start();
        rtcpMac.update(buf, off, len);
        return rtcpMac.finish();
    }
}
