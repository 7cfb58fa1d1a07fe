package dev.calls.media.srtp;

/**
 * The cryptographic transform of one profile, applied in place once the caller has parsed the
 * packet and chosen its index. Callers guarantee the lengths: room for the expansion when
 * protecting, at least header + tag (+ SRTCP index word) when unprotecting.
 */
interface SrtpCipher {

    static SrtpCipher create(SrtpMasterKey masterKey) {
        SrtpSessionKeys rtp = SrtpSessionKeys.forRtp(masterKey);
        SrtpSessionKeys rtcp = SrtpSessionKeys.forRtcp(masterKey);
        return switch (masterKey.profile()) {
            case AES_CM_128_HMAC_SHA1_80 -> new AesCmHmacSha1Cipher(rtp, rtcp);
            case AEAD_AES_128_GCM -> new AesGcmCipher(rtp, rtcp);
        };
    }

    /**
     * Encrypts the payload after {@code headerLength} and appends the tag.
     *
     * @param index the 48-bit SRTP packet index, ROC * 2^16 + SEQ (RFC 3711 §3.3.1)
     * @return the SRTP length, or {@link SrtpStatus#REPLAYED} if the cipher refuses to reuse an IV
     */
    int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    /** @return the RTP length, or {@link SrtpStatus#AUTH_FAILED} */
    int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    /**
     * Encrypts everything after the first 8 bytes and appends E-bit + {@code index} and the tag
     * (RFC 3711 §3.4, RFC 7714 §9).
     *
     * @return the SRTCP length, or {@link SrtpStatus#REPLAYED} if the cipher refuses to reuse an IV
     */
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index);

    /**
     * @param encrypted the E-bit of the packet's trailer; when clear the packet is only authenticated
     * @return the RTCP length, or {@link SrtpStatus#AUTH_FAILED}
     */
    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted);
}
