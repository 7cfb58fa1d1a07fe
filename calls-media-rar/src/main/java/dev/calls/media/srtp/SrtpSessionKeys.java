package dev.calls.media.srtp;

/**
 * The session keys of one packet kind (SRTP or SRTCP) derived from a master key (RFC 3711 §4.3).
 * {@code authKey} is empty for AEAD profiles.
 */
record SrtpSessionKeys(byte[] encryptionKey, byte[] authKey, byte[] salt) {

    static SrtpSessionKeys forRtp(SrtpMasterKey master) {
        return derive(master, SrtpKeyDerivation.RTP_ENCRYPTION, SrtpKeyDerivation.RTP_AUTHENTICATION,
                SrtpKeyDerivation.RTP_SALT);
    }

    static SrtpSessionKeys forRtcp(SrtpMasterKey master) {
        return derive(master, SrtpKeyDerivation.RTCP_ENCRYPTION, SrtpKeyDerivation.RTCP_AUTHENTICATION,
                SrtpKeyDerivation.RTCP_SALT);
    }

    private static SrtpSessionKeys derive(SrtpMasterKey master, int encryptionLabel, int authLabel, int saltLabel) {
        SrtpProfile profile = master.profile();
        byte[] key = master.key();
        byte[] salt = master.salt();
        return new SrtpSessionKeys(
                SrtpKeyDerivation.derive(key, salt, encryptionLabel, profile.keyLength()),
                SrtpKeyDerivation.derive(key, salt, authLabel, profile.authKeyLength()),
                SrtpKeyDerivation.derive(key, salt, saltLabel, profile.saltLength()));
    }
}
