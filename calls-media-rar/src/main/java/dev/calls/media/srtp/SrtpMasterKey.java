package dev.calls.media.srtp;

import java.util.Objects;

/**
 * One direction's SRTP master key and master salt (RFC 3711 §3.2.1) for a profile. The arrays are
 * copied in and out, so a caller may wipe its own copy once this is built.
 */
public record SrtpMasterKey(SrtpProfile profile, byte[] key, byte[] salt) {

    /**
     * @throws IllegalArgumentException if the key or salt length does not match the profile
     */
    public SrtpMasterKey {
        Objects.requireNonNull(profile, "profile");
        if (key.length != profile.keyLength() || salt.length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-byte key and a "
                    + profile.saltLength() + "-byte salt, got " + key.length + " and " + salt.length);
        }
        key = key.clone();
        salt = salt.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** Names the profile only: key material stays out of logs. */
    @Override
    public String toString() {
        return "SrtpMasterKey[" + profile + "]";
    }
}
