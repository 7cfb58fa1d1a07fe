package dev.calls.media.dtls;

/**
 * The SRTP protection profiles this server negotiates in the DTLS {@code use_srtp} extension, by their
 * registered ids (RFC 5764 §4.1.2, RFC 7714 §14.2), with the master key and salt lengths each one needs
 * for the keying material export (RFC 5764 §4.2).
 */
public final class SrtpProfile {

    /** AEAD_AES_128_GCM (RFC 7714 §14.2): 128-bit master key, 96-bit master salt. Preferred. */
    public static final int AEAD_AES_128_GCM = 0x0007;

    /** SRTP_AES128_CM_HMAC_SHA1_80 (RFC 5764 §4.1.2): 128-bit master key, 112-bit master salt. */
    public static final int AES128_CM_HMAC_SHA1_80 = 0x0001;

    /** Our preference order: the first one the client also offers is selected. */
    static final int[] PREFERENCE = {AEAD_AES_128_GCM, AES128_CM_HMAC_SHA1_80};

    private SrtpProfile() {
    }

    /** The master key length in bytes for {@code profile}; IllegalArgumentException for one we never select. */
    public static int keyLength(int profile) {
        return switch (profile) {
            case AEAD_AES_128_GCM, AES128_CM_HMAC_SHA1_80 -> 16;
            default -> throw new IllegalArgumentException("unsupported SRTP profile " + profile);
        };
    }

    /** The master salt length in bytes for {@code profile}; IllegalArgumentException for one we never select. */
    public static int saltLength(int profile) {
        return switch (profile) {
            case AEAD_AES_128_GCM -> 12;
            case AES128_CM_HMAC_SHA1_80 -> 14;
            default -> throw new IllegalArgumentException("unsupported SRTP profile " + profile);
        };
    }

    /** A readable name for logs and failure reasons. */
    public static String name(int profile) {
        return switch (profile) {
            case AEAD_AES_128_GCM -> "AEAD_AES_128_GCM";
            case AES128_CM_HMAC_SHA1_80 -> "SRTP_AES128_CM_HMAC_SHA1_80";
            default -> String.format("0x%04x", profile);
        };
    }
}
