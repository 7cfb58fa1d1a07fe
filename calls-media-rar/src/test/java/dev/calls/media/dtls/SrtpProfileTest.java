package dev.calls.media.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SrtpProfileTest {

    @Test
    void idsAreTheRegisteredOnes() {
        // RFC 5764 §4.1.2 and RFC 7714 §14.2.
        assertEquals(0x0001, SrtpProfile.AES128_CM_HMAC_SHA1_80);
        assertEquals(0x0007, SrtpProfile.AEAD_AES_128_GCM);
        assertArrayEquals(new int[] {0x0007, 0x0001}, SrtpProfile.PREFERENCE);
    }

    @Test
    void keyAndSaltLengthsFollowTheProfiles() {
        // RFC 5764 §4.1.2: 128-bit key, 112-bit salt; RFC 7714 §14.2: 128-bit key, 96-bit salt.
        assertEquals(16, SrtpProfile.keyLength(SrtpProfile.AES128_CM_HMAC_SHA1_80));
        assertEquals(14, SrtpProfile.saltLength(SrtpProfile.AES128_CM_HMAC_SHA1_80));
        assertEquals(16, SrtpProfile.keyLength(SrtpProfile.AEAD_AES_128_GCM));
        assertEquals(12, SrtpProfile.saltLength(SrtpProfile.AEAD_AES_128_GCM));
    }

    @Test
    void otherProfilesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SrtpProfile.keyLength(0x0002));
        assertThrows(IllegalArgumentException.class, () -> SrtpProfile.saltLength(0x0008));
        assertEquals("0x0008", SrtpProfile.name(0x0008));
    }
}
