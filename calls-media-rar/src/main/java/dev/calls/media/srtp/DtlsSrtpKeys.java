package dev.calls.media.srtp;

import java.util.Arrays;

/**
 * The two master keys of a DTLS-SRTP association, seen from this endpoint: {@code local} protects
 * what we send, {@code remote} unprotects what we receive.
 */
public record DtlsSrtpKeys(SrtpMasterKey local, SrtpMasterKey remote) {

    /** The RFC 5705 exporter label for DTLS-SRTP keying material (RFC 5764 §4.2). */
    public static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    /** How many bytes of keying material to export for this profile: two keys and two salts. */
    public static int keyingMaterialLength(SrtpProfile profile) {
        return 2 * (profile.keyLength() + profile.saltLength());
    }

    /**
     * Splits exported keying material, laid out per RFC 5764 §4.2 as client key, server key, client
     * salt, server salt. The client writes with the client key, so a server's local key is the
     * server half.
     *
     * @throws IllegalArgumentException if the material is not {@link #keyingMaterialLength} long
     */
    public static DtlsSrtpKeys fromKeyingMaterial(SrtpProfile profile, byte[] material, boolean localIsServer) {
        if (material.length != keyingMaterialLength(profile)) {
            throw new IllegalArgumentException(profile + " needs " + keyingMaterialLength(profile)
                    + " bytes of keying material, got " + material.length);
        }
        int keyLength = profile.keyLength();
        int saltLength = profile.saltLength();
        byte[] clientKey = Arrays.copyOfRange(material, 0, keyLength);
        byte[] serverKey = Arrays.copyOfRange(material, keyLength, 2 * keyLength);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * keyLength, 2 * keyLength + saltLength);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * keyLength + saltLength, material.length);
        SrtpMasterKey client = new SrtpMasterKey(profile, clientKey, clientSalt);
        SrtpMasterKey server = new SrtpMasterKey(profile, serverKey, serverSalt);
        return localIsServer ? new DtlsSrtpKeys(server, client) : new DtlsSrtpKeys(client, server);
    }
}
