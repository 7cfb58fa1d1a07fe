package dev.calls.media.srtp;

import java.util.List;

/**
 * The SRTP protection profiles this engine negotiates in DTLS-SRTP (RFC 5764 §4.1.2), with the
 * lengths that follow from them.
 */
public enum SrtpProfile {

    /** RFC 3711: AES-128 in counter mode, HMAC-SHA1 tag cut to 80 bits for SRTP and SRTCP. */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 20, 10),

    /** RFC 7714: AES-128-GCM with a 96-bit salt and a 128-bit tag (no separate auth key). */
    AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16);

    /**
     * The order in which a DTLS-SRTP server picks the one profile it answers from those the client offers
     * (RFC 5764 §4.1.1): SRTP_AES128_CM_HMAC_SHA1_80 (RFC 5764 §4.1.2, the profile every WebRTC endpoint
     * must support, RFC 8827 §6.5) first, then AEAD_AES_128_GCM (RFC 7714 §14.2). Both are as fast for a
     * voice packet, but the JDK's AES-GCM allocates about 1 KB on every {@code Cipher.init}, once per packet
     * and receiver: at 100 000 packets a second that was a young collection every 1.7 s, 5–10 ms each, which
     * every packet then in flight waited for. AES-CTR and HMAC-SHA1 allocate nothing.
     * GCM stays for clients that offer only it.
     */
    public static final List<SrtpProfile> DTLS_PREFERENCE = List.of(AES_CM_128_HMAC_SHA1_80, AEAD_AES_128_GCM);

    /** Most bytes any profile appends to an RTCP packet: tag plus the 4-byte E-bit and index (RFC 3711 §3.4). */
    public static final int MAX_EXPANSION = 20;

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int authKeyLength;
    private final int tagLength;

    SrtpProfile(int id, int keyLength, int saltLength, int authKeyLength, int tagLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.authKeyLength = authKeyLength;
        this.tagLength = tagLength;
    }

    /**
     * The profile with this DTLS-SRTP protection profile id.
     *
     * @throws IllegalArgumentException if the id names a profile this engine does not implement
     */
    public static SrtpProfile fromId(int id) {
        for (SrtpProfile profile : values()) {
            if (profile.id == id) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unsupported SRTP protection profile 0x" + Integer.toHexString(id));
    }

    /** The DTLS-SRTP protection profile id (RFC 5764 §4.1.2, RFC 7714 §14.2). */
    public int id() {
        return id;
    }

    /** Master and session encryption key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master and session salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** Session authentication key length in bytes; 0 for AEAD profiles, whose cipher authenticates. */
    int authKeyLength() {
        return authKeyLength;
    }

    /** Authentication tag length in bytes, the same for SRTP and SRTCP in both profiles. */
    public int tagLength() {
        return tagLength;
    }

    /**
     * Where the E-bit/index word of an SRTCP packet of {@code len} bytes starts: before the tag in
     * RFC 3711 §3.4, after it for AEAD (RFC 7714 §9), whose tag ends the ciphertext.
     */
    int srtcpIndexOffset(int len) {
        int trailerEnd = this == AEAD_AES_128_GCM ? len : len - tagLength;
        return trailerEnd - SrtpPacket.SRTCP_INDEX_LENGTH;
    }

    /** Bytes {@code protectRtp} appends: the tag. */
    public int rtpExpansion() {
        return tagLength;
    }

    /** Bytes {@code protectRtcp} appends: the tag and the E-bit/index word. */
    public int rtcpExpansion() {
        return tagLength + SrtpPacket.SRTCP_INDEX_LENGTH;
    }
}
