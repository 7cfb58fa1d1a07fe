package dev.calls.media.dtls;

/**
 * The SRTP master keys and salts exported from a completed DTLS handshake (RFC 5764 §4.2).
 * The client's key and salt protect what the browser sends (the server decrypts with them); the server's
 * protect what the server sends. The arrays belong to the receiver of this record.
 *
 * @param profile    the negotiated protection profile, one of the {@link SrtpProfile} constants
 * @param clientKey  client_write_SRTP_master_key
 * @param clientSalt client_write_SRTP_master_salt
 * @param serverKey  server_write_SRTP_master_key
 * @param serverSalt server_write_SRTP_master_salt
 */
public record DtlsSrtpKeys(int profile, byte[] clientKey, byte[] clientSalt, byte[] serverKey, byte[] serverSalt) {

    /**
     * Splits the exported keying material, laid out as client key, server key, client salt, server salt
     * (RFC 5764 §4.2).
     */
    static DtlsSrtpKeys split(int profile, byte[] material) {
        int keyLength = SrtpProfile.keyLength(profile);
        int saltLength = SrtpProfile.saltLength(profile);
        if (material.length != 2 * (keyLength + saltLength)) {
            throw new IllegalArgumentException("keying material has " + material.length + " bytes, "
                + SrtpProfile.name(profile) + " needs " + 2 * (keyLength + saltLength));
        }
        byte[] clientKey = new byte[keyLength];
        byte[] serverKey = new byte[keyLength];
        byte[] clientSalt = new byte[saltLength];
        byte[] serverSalt = new byte[saltLength];
        System.arraycopy(material, 0, clientKey, 0, keyLength);
        System.arraycopy(material, keyLength, serverKey, 0, keyLength);
        System.arraycopy(material, 2 * keyLength, clientSalt, 0, saltLength);
        System.arraycopy(material, 2 * keyLength + saltLength, serverSalt, 0, saltLength);
        return new DtlsSrtpKeys(profile, clientKey, clientSalt, serverKey, serverSalt);
    }

    /** Keys are secrets: never print them. */
    @Override
    public String toString() {
        return "DtlsSrtpKeys[" + SrtpProfile.name(profile) + "]";
    }
}
